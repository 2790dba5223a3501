package de.klammer.portal.ledger;

import de.klammer.ledger.SigningIdentities;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;

/**
 * A fresh SoftHSM2 token for tests, initialised with Debian's {@code softhsm2-util} in the folder that the
 * {@code SOFTHSM2_CONF} variable of the test JVM names. In CI ({@code CI=true}) a missing SoftHSM2 fails the test;
 * on a developer machine the test is skipped with the install command.
 */
public final class SoftHsmToken {

    /** The PKCS#11 module that Debian's softhsm2 package installs. */
    public static final Path LIBRARY = Path.of("/usr/lib/softhsm/libsofthsm2.so");

    private static final Pattern SLOT = Pattern.compile("reassigned to slot (\\d+)");

    private final long slot;
    private final String pin;

    private SoftHsmToken(long slot, String pin) {
        this.slot = slot;
        this.pin = pin;
    }

    /** Initialises a new token with a random label and PIN, after checking that SoftHSM2 is installed. */
    public static SoftHsmToken initialise() throws IOException, InterruptedException {
        requireSoftHsm();
        Path configuration = Path.of(System.getenv("SOFTHSM2_CONF"));
        Path tokens = configuration.resolveSibling("tokens");
        Files.createDirectories(tokens);
        Files.writeString(configuration, "directories.tokendir = " + tokens.toAbsolutePath() + "\n"
                + "objectstore.backend = file\nlog.level = ERROR\n", StandardCharsets.UTF_8);
        String pin = UUID.randomUUID().toString().substring(0, 8);
        String output = run(List.of("softhsm2-util", "--init-token", "--free", "--label",
                "klammer-" + UUID.randomUUID().toString().substring(0, 8), "--so-pin", pin + "so", "--pin", pin),
                configuration);
        Matcher matcher = SLOT.matcher(output);
        if (!matcher.find()) {
            throw new IllegalStateException("softhsm2-util printed no slot for the new token: " + output);
        }
        return new SoftHsmToken(Long.parseLong(matcher.group(1)), pin);
    }

    public long slot() {
        return slot;
    }

    public String pin() {
        return pin;
    }

    /**
     * Stores a private key and its certificate on the token under {@code label}, through SunPKCS11. The token keeps
     * its own copy, so later signatures never use the software key.
     */
    public void store(String label, PrivateKey key, X509Certificate certificate) throws GeneralSecurityException,
            IOException {
        Provider provider = SigningIdentities.pkcs11Provider("Import", LIBRARY, slot);
        KeyStore store = KeyStore.getInstance("PKCS11", provider);
        store.load(null, pin.toCharArray());
        store.setKeyEntry(label, key, null, new Certificate[] {certificate});
    }

    private static void requireSoftHsm() {
        String problem = null;
        if (System.getenv("SOFTHSM2_CONF") == null) {
            problem = "SOFTHSM2_CONF is not set; run the test through Maven's failsafe plugin, which sets it";
        } else if (!Files.isRegularFile(LIBRARY)) {
            problem = "SoftHSM2's PKCS#11 module " + LIBRARY + " is missing; install it with"
                    + " 'apt-get install softhsm2'";
        }
        if (problem != null) {
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException(problem);
            }
            Assumptions.abort(problem);
        }
    }

    private static String run(List<String> command, Path configuration) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("SOFTHSM2_CONF", configuration.toString());
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException("softhsm2-util is missing; install it with 'apt-get install softhsm2'",
                        e);
            }
            Assumptions.abort("softhsm2-util is missing; install it with 'apt-get install softhsm2'");
            throw e;
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException("'" + String.join(" ", command.subList(0, 2)) + "' failed: " + output);
        }
        return output;
    }
}
