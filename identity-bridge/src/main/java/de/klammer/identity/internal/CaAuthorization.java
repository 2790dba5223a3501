package de.klammer.identity.internal;

import de.klammer.identity.SigningIdentity;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Authentication of a Fabric CA request: none, an enrollment secret, or a signed token. */
public sealed interface CaAuthorization {

    /** For {@code cainfo}. */
    record None() implements CaAuthorization {}

    /** HTTP Basic with enrollment ID and secret, for {@code enroll}. */
    record Secret(String enrollmentId, String secret) implements CaAuthorization {

        String headerValue() {
            String credentials = enrollmentId + ":" + secret;
            return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public String toString() {
            return "Secret[enrollmentId=" + enrollmentId + "]";
        }
    }

    /** Token signed by a registrar or by the caller's own enrollment certificate. */
    record Token(SigningIdentity identity) implements CaAuthorization {}
}
