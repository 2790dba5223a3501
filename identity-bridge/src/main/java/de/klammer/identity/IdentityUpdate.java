package de.klammer.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Changes to a registered identity; what is null or empty stays as it is. The CA applies the attributes by name:
 * new names are added, existing ones replaced. Re-enroll afterwards to get a certificate with the changes.
 *
 * @param affiliation new affiliation, or null
 * @param attributes attributes to add or replace
 * @param removedAttributes names of attributes to remove
 * @param maxEnrollments new enrollment limit from 1 to {@value RegistrationRequest#MAX_ENROLLMENTS}, or null
 * @param secret new enrollment secret, or null; setting one also clears a lockout
 */
public record IdentityUpdate(
        @Nullable String affiliation,
        List<RoleAttribute> attributes,
        List<String> removedAttributes,
        @Nullable Integer maxEnrollments,
        @Nullable String secret) {

    public IdentityUpdate {
        attributes = List.copyOf(attributes);
        removedAttributes = List.copyOf(removedAttributes);
        if (maxEnrollments != null && (maxEnrollments < 1 || maxEnrollments > RegistrationRequest.MAX_ENROLLMENTS)) {
            throw new IllegalArgumentException("maxEnrollments must be from 1 to " + RegistrationRequest.MAX_ENROLLMENTS
                    + ", but is " + maxEnrollments);
        }
        if (secret != null && secret.length() < 16) {
            throw new IllegalArgumentException(
                    "A new enrollment secret must have at least 16 characters. Use EnrollmentSecrets.random().");
        }
        for (String name : removedAttributes) {
            if (name.startsWith("hf.")) {
                throw new IllegalArgumentException(
                        "Attribute " + name + " is reserved for Fabric CA and cannot be removed");
            }
        }
    }

    /** Returns an update that changes nothing, to build on with the {@code with} methods. */
    public static IdentityUpdate none() {
        return new IdentityUpdate(null, List.of(), List.of(), null, null);
    }

    public IdentityUpdate withAffiliation(String newAffiliation) {
        return new IdentityUpdate(
                Objects.requireNonNull(newAffiliation), attributes, removedAttributes, maxEnrollments, secret);
    }

    public IdentityUpdate withAttribute(RoleAttribute attribute) {
        var changed = new ArrayList<>(attributes);
        changed.removeIf(existing -> existing.name().equals(attribute.name()));
        changed.add(attribute);
        return new IdentityUpdate(affiliation, changed, removedAttributes, maxEnrollments, secret);
    }

    public IdentityUpdate withoutAttribute(String name) {
        var removed = new ArrayList<>(removedAttributes);
        removed.add(name);
        return new IdentityUpdate(affiliation, attributes, removed, maxEnrollments, secret);
    }

    public IdentityUpdate withMaxEnrollments(int newMaxEnrollments) {
        return new IdentityUpdate(affiliation, attributes, removedAttributes, newMaxEnrollments, secret);
    }

    public IdentityUpdate withSecret(String newSecret) {
        return new IdentityUpdate(affiliation, attributes, removedAttributes, maxEnrollments, newSecret);
    }

    /** Leaves the secret out, because it is a credential. */
    @Override
    public String toString() {
        return "IdentityUpdate[affiliation=" + affiliation + ", attributes=" + attributes + ", removedAttributes="
                + removedAttributes + ", maxEnrollments=" + maxEnrollments + ", secret="
                + (secret == null ? "unchanged" : "new") + "]";
    }
}
