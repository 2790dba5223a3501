package de.klammer.identity;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * Registration data of a new client identity. The enrollment ID and secret are not part of it, because the client
 * generates both at random.
 *
 * @param affiliation where the identity sits, for example {@code bamf.registration}; the CA writes each element as
 *     an OU into the certificate
 * @param attributes role attributes, all written into the enrollment certificates
 * @param maxEnrollments how often the secret may be used to enroll, from 1 to {@value #MAX_ENROLLMENTS};
 *     re-enrollment with the certificate does not count
 */
public record RegistrationRequest(String affiliation, List<RoleAttribute> attributes, int maxEnrollments) {

    /**
     * Upper bound for {@code maxEnrollments}. Each enrollment with the secret issues a certificate for a new key, so
     * an unbounded secret would be a standing credential; renewal uses re-enrollment instead.
     */
    public static final int MAX_ENROLLMENTS = 10;

    public RegistrationRequest {
        Objects.requireNonNull(affiliation, "affiliation must not be null");
        attributes = List.copyOf(attributes);
        if (affiliation.isBlank() || affiliation.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("Invalid affiliation '" + affiliation
                    + "'. Use the dotted path of an affiliation of the CA, e.g. bamf.registration.");
        }
        if (maxEnrollments < 1 || maxEnrollments > MAX_ENROLLMENTS) {
            throw new IllegalArgumentException("maxEnrollments must be from 1 to " + MAX_ENROLLMENTS + ", but is "
                    + maxEnrollments + ". Renew certificates by re-enrollment instead of more enrollments.");
        }
        var names = new HashSet<String>();
        for (RoleAttribute attribute : attributes) {
            if (!names.add(attribute.name())) {
                throw new IllegalArgumentException("Attribute " + attribute.name() + " is given twice. Give it once.");
            }
        }
    }
}
