package de.klammer.identity;

import java.security.SecureRandom;
import java.util.Base64;

/** Random enrollment secrets of 192 bits, URL-safe Base64 without padding (32 characters). */
public final class EnrollmentSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private EnrollmentSecrets() {}

    public static String random() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
