package de.klammer.identity;

import java.util.Objects;

/**
 * An attribute to put into the certificate at enrollment. A request that is not optional fails the enrollment when
 * the identity lacks the attribute.
 */
public record AttributeRequest(String name, boolean optional) {

    public AttributeRequest {
        Objects.requireNonNull(name, "name must not be null");
        if (name.isBlank()) {
            throw new IllegalArgumentException("Attribute request name must not be blank");
        }
    }

    public static AttributeRequest required(String name) {
        return new AttributeRequest(name, false);
    }

    public static AttributeRequest optional(String name) {
        return new AttributeRequest(name, true);
    }
}
