package de.klammer.identity;

/**
 * A registered identity: its pseudonymous enrollment ID and the secret for its enrollments. The secret is a
 * credential, so {@link #toString()} leaves it out.
 */
public record Registration(String enrollmentId, String secret) {

    @Override
    public String toString() {
        return "Registration[enrollmentId=" + enrollmentId + "]";
    }
}
