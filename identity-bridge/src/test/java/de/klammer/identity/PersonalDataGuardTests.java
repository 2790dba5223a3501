package de.klammer.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import de.klammer.identity.PersonalDataFinding.Kind;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class PersonalDataGuardTests {

    private static final String ID = "kid-abcdefghijklmnopqrst";
    private static final PersonRecord PERSON = new PersonRecord(
            "Jürgen", "Groß-Müller", "j.gross-mueller@bamf.example", "https://idp.bamf.example", "248289761001");

    private final PersonalDataGuard guard = new PersonalDataGuard();

    @Test
    void passesPseudonymousRequest() {
        String csr = CertificateSigningRequests.create(ID, CertificateSigningRequests.newKeyPair());

        List<PersonalDataFinding> findings =
                guard.inspectRequest(ID, csr, List.of(new RoleAttribute("klammer.role", "clerk")), PERSON);

        assertThat(findings).isEmpty();
    }

    @Test
    void findsEmailAddressOfAnyone() {
        List<PersonalDataFinding> findings = guard.inspect("subject CN", "someone.else@example.org", PERSON);

        assertThat(findings).extracting(PersonalDataFinding::kind).containsExactly(Kind.EMAIL_ADDRESS);
    }

    @Test
    void findsFamilyNameSpelledWithoutUmlaut() {
        assertThat(kinds(guard.inspect("subject O", "Team Gross-Mueller", PERSON)))
                .contains(Kind.FAMILY_NAME);
        assertThat(kinds(guard.inspect("subject O", "GROSSMULLER", PERSON))).contains(Kind.FAMILY_NAME);
        assertThat(kinds(guard.inspect("subject O", "groß müller", PERSON))).contains(Kind.FAMILY_NAME);
    }

    @Test
    void findsPartOfDoubleName() {
        assertThat(kinds(guard.inspect("attribute klammer.unit", "referat-mueller", PERSON)))
                .contains(Kind.FAMILY_NAME);
    }

    @Test
    void findsGivenNameIgnoringCase() {
        assertThat(kinds(guard.inspect("attribute klammer.role", "clerk-JUERGEN", PERSON)))
                .containsExactly(Kind.GIVEN_NAME);
        assertThat(kinds(guard.inspect("attribute klammer.role", "jurgen", PERSON)))
                .containsExactly(Kind.GIVEN_NAME);
    }

    @Test
    void findsEmailLocalPartAndSubject() {
        assertThat(kinds(guard.inspect("subject OU", "j.gross-mueller", PERSON)))
                .contains(Kind.KNOWN_EMAIL, Kind.FAMILY_NAME);
        assertThat(kinds(guard.inspect("attribute klammer.ref", "sub-248289761001", PERSON)))
                .containsExactly(Kind.OIDC_SUBJECT);
    }

    @Test
    void matchesShortNameOnlyAsWord() {
        var person = new PersonRecord("Li", "Ng", null, "https://idp.example", "subject-1");

        assertThat(guard.inspect("subject OU", "client", person)).isEmpty();
        assertThat(guard.inspect("subject OU", "clerk-engineering", person)).isEmpty();
        assertThat(kinds(guard.inspect("subject O", "team li", person))).containsExactly(Kind.GIVEN_NAME);
        assertThat(kinds(guard.inspect("subject O", "NG", person))).containsExactly(Kind.FAMILY_NAME);
    }

    @Test
    void findsNameInOtherScript() {
        var person = new PersonRecord("Олена", "Шевченко", null, "https://idp.example", "subject-2");

        assertThat(kinds(guard.inspect("attribute klammer.note", "ШЕВЧЕНКО", person)))
                .containsExactly(Kind.FAMILY_NAME);
    }

    @Test
    void ignoresOidcIssuer() {
        assertThat(guard.inspect("subject OU", "bamf", PERSON)).isEmpty();
    }

    @Test
    void masksValueInFindings() {
        PersonalDataFinding finding =
                guard.inspect("subject O", "Groß-Müller", PERSON).getFirst();

        assertThat(finding.maskedValue()).isEqualTo("G********");
        assertThat(finding.describe())
                .isEqualTo("subject O contains the family name (G********)")
                .doesNotContain("Müller");
    }

    @Test
    void inspectsCsrSubjectSansAndAttributes() throws Exception {
        var names = new GeneralNames(new GeneralName(GeneralName.rfc822Name, "clerk@bamf.example"));
        var extensions = new Extensions(new Extension(Extension.subjectAlternativeName, false, names.getEncoded()));
        String csr = TestCsrs.csr(
                "O=Referat Juergen, CN=" + ID, CertificateSigningRequests.newKeyPair(), "SHA256withECDSA", extensions);

        List<PersonalDataFinding> findings =
                guard.inspectRequest(ID, csr, List.of(new RoleAttribute("klammer.owner", "Groß-Müller")), PERSON);

        assertThat(findings)
                .extracting(PersonalDataFinding::field, PersonalDataFinding::kind)
                .containsExactlyInAnyOrder(
                        tuple("subject O", Kind.GIVEN_NAME),
                        tuple("subjectAltName rfc822Name", Kind.EMAIL_ADDRESS),
                        tuple("attribute klammer.owner", Kind.FAMILY_NAME),
                        // "Groß" is also a word of the e-mail address's local part.
                        tuple("attribute klammer.owner", Kind.KNOWN_EMAIL));
    }

    @Test
    void inspectsIssuedCertificate() throws Exception {
        X509Certificate certificate = certificate(
                "CN=" + ID + ", OU=client, OU=bamf",
                new GeneralName(GeneralName.dNSName, "juergen.bamf.example"),
                "{\"attrs\":{\"hf.EnrollmentID\":\"" + ID
                        + "\",\"klammer.role\":\"clerk\",\"klammer.owner\":\"j.gross-mueller@bamf.example\"}}");

        List<PersonalDataFinding> findings = guard.inspectCertificate(certificate, PERSON);

        assertThat(findings)
                .extracting(PersonalDataFinding::field)
                .containsOnly("subjectAltName dNSName", "certificate attribute klammer.owner");
        assertThat(kinds(findings)).contains(Kind.GIVEN_NAME, Kind.EMAIL_ADDRESS, Kind.KNOWN_EMAIL);
    }

    @Test
    void passesPseudonymousCertificate() throws Exception {
        X509Certificate certificate = certificate(
                "CN=" + ID + ", OU=client, OU=bamf, OU=registration",
                null,
                "{\"attrs\":{\"hf.EnrollmentID\":\"" + ID + "\",\"hf.Type\":\"client\",\"klammer.role\":\"clerk\"}}");

        assertThat(guard.inspectCertificate(certificate, PERSON)).isEmpty();
    }

    private static List<Kind> kinds(List<PersonalDataFinding> findings) {
        return findings.stream().map(PersonalDataFinding::kind).toList();
    }

    private static X509Certificate certificate(
            String subject, @Nullable GeneralName alternativeName, String attributesJson) throws Exception {
        KeyPair keyPair = CertificateSigningRequests.newKeyPair();
        Instant now = Instant.now();
        var builder = new JcaX509v3CertificateBuilder(
                new X500Name("CN=test-ca"),
                BigInteger.TEN,
                Date.from(now),
                Date.from(now.plus(Duration.ofDays(1))),
                new X500Name(subject),
                keyPair.getPublic());
        if (alternativeName != null) {
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(alternativeName));
        }
        builder.addExtension(
                new ASN1ObjectIdentifier(EnrollmentCertificates.ATTRIBUTE_EXTENSION_OID),
                false,
                attributesJson.getBytes(StandardCharsets.UTF_8));
        return new JcaX509CertificateConverter()
                .getCertificate(
                        builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keyPair.getPrivate())));
    }
}
