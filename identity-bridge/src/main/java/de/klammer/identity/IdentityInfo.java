package de.klammer.identity;

import java.util.List;
import java.util.Optional;

/**
 * A registered identity as {@code GET /identities} returns it.
 *
 * @param maxEnrollments how often the secret may be used to enroll; -1 means without limit
 */
public record IdentityInfo(
        String enrollmentId, String type, String affiliation, List<IdentityAttribute> attributes, int maxEnrollments) {

    public IdentityInfo {
        attributes = List.copyOf(attributes);
    }

    /** Looks up the value of an attribute by name. */
    public Optional<String> attribute(String name) {
        return attributes.stream()
                .filter(attribute -> attribute.name().equals(name))
                .map(IdentityAttribute::value)
                .findFirst();
    }
}
