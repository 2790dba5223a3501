package de.klammer.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import de.klammer.identity.internal.Certificates;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fuzz tests of the identity bridge's parsers of outside data: PKCS#10 CSRs that users upload, and the certificates
 * and CRLs of real MSP folders from the shared cases. Every mutated input must parse or be rejected with the
 * parser's own exception and a message. The seeds are fixed, so a failure names a reproducible mutation.
 */
class OutsideDataFuzzTests {

    private static final int ITERATIONS = 300;
    private static final String ENROLLMENT_ID = "fuzz-identity";

    @Test
    void rejectsMutatedCsrsCleanly() {
        byte[] csr = CertificateSigningRequests.create(ENROLLMENT_ID, CertificateSigningRequests.newKeyPair())
                .getBytes(StandardCharsets.US_ASCII);
        InputMutations mutations = new InputMutations(4101);

        int rejectedText = mutations.assertRejectsCleanly("CSR text", csr, ITERATIONS, mutations::mutate,
                input -> CertificateSigningRequests.validate(new String(input, StandardCharsets.US_ASCII), ENROLLMENT_ID),
                InvalidCsrException.class);
        int rejectedDer = mutations.assertRejectsCleanly("CSR DER", csr, ITERATIONS, mutations::mutatePemContent,
                input -> CertificateSigningRequests.validate(new String(input, StandardCharsets.US_ASCII), ENROLLMENT_ID),
                InvalidCsrException.class);

        assertThat(rejectedText).isGreaterThan(ITERATIONS / 2);
        assertThat(rejectedDer).isGreaterThan(ITERATIONS / 2);
    }

    @ParameterizedTest
    @MethodSource("certificateFiles")
    void rejectsMutatedCertificatesCleanly(Path file) throws IOException {
        byte[] pem = Files.readAllBytes(file);
        InputMutations mutations = new InputMutations(4102 + file.toString().hashCode());

        int rejected = mutations.assertRejectsCleanly(file.toString(), pem, ITERATIONS, mutations::mutatePemContent,
                input -> Certificates.parseCertificate(new String(input, StandardCharsets.US_ASCII)),
                IllegalArgumentException.class);

        assertThat(rejected).isPositive();
    }

    @ParameterizedTest
    @MethodSource("crlFiles")
    void rejectsMutatedCrlsCleanly(Path file) throws IOException {
        byte[] pem = Files.readAllBytes(file);
        InputMutations mutations = new InputMutations(4103 + file.toString().hashCode());

        int rejectedDer = mutations.assertRejectsCleanly(file.toString(), pem, ITERATIONS,
                mutations::mutatePemContent, Certificates::parseCrl, IllegalArgumentException.class);
        int rejectedText = mutations.assertRejectsCleanly(file.toString(), pem, ITERATIONS, mutations::mutate,
                Certificates::parseCrl, IllegalArgumentException.class);

        assertThat(rejectedDer).isPositive();
        assertThat(rejectedText).isPositive();
    }

    static Stream<Path> certificateFiles() throws IOException {
        return mspFiles().filter(path -> path.toString().contains("cert") && path.toString().endsWith(".pem"));
    }

    static Stream<Path> crlFiles() throws IOException {
        return mspFiles().filter(path -> path.getParent().getFileName().toString().equals("crls"));
    }

    private static Stream<Path> mspFiles() throws IOException {
        Path root = Path.of(System.getProperty("klammer.cases.dir", "../../shared/cases"), "msp");
        assumeTrue(Files.isDirectory(root), "shared cases folder " + root.toAbsolutePath() + " is absent");
        try (Stream<Path> files = Files.walk(root)) {
            List<Path> regular = files.filter(Files::isRegularFile).sorted().toList();
            return regular.stream();
        }
    }
}
