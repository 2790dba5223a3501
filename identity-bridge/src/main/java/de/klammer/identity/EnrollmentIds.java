package de.klammer.identity;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/**
 * Pseudonymous enrollment IDs: {@code kid-} and 20 random lower-case base32 characters (100 bits). The ID ends up in
 * the certificate subject and on the ledger, so it is never derived from a name, e-mail address or other personal
 * value.
 */
public final class EnrollmentIds {

    private static final String PREFIX = "kid-";
    private static final int RANDOM_CHARACTERS = 20;
    private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
    private static final Pattern PSEUDONYMOUS = Pattern.compile(PREFIX + "[a-z2-7]{" + RANDOM_CHARACTERS + "}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private EnrollmentIds() {}

    /** Creates a new random enrollment ID such as {@code kid-q3vx5hz2m7kd4ra6wbnc}. */
    public static String random() {
        var id = new StringBuilder(PREFIX.length() + RANDOM_CHARACTERS).append(PREFIX);
        for (int i = 0; i < RANDOM_CHARACTERS; i++) {
            id.append(BASE32[RANDOM.nextInt(BASE32.length)]);
        }
        return id.toString();
    }

    /** Checks the format of {@link #random()}. */
    public static boolean isPseudonymous(String enrollmentId) {
        return PSEUDONYMOUS.matcher(enrollmentId).matches();
    }
}
