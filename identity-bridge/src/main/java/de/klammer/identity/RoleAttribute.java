package de.klammer.identity;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An attribute registered for an identity and written into its enrollment certificates (Fabric CA {@code
 * ecert: true}), for example {@code klammer.role=clerk}. Names starting with {@code hf.} are reserved for Fabric CA.
 */
public record RoleAttribute(String name, String value) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9._-]{0,63}");

    public RoleAttribute {
        Objects.requireNonNull(name, "name must not be null");
        Objects.requireNonNull(value, "value must not be null");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Invalid attribute name '" + name
                    + "'. Use a letter followed by up to 63 letters, digits, '.', '_' or '-'.");
        }
        if (name.startsWith("hf.")) {
            throw new IllegalArgumentException("Attribute name '" + name
                    + "' is reserved: Fabric CA sets the hf.* attributes itself. Choose another prefix, e.g. klammer.");
        }
        if (value.isBlank()) {
            throw new IllegalArgumentException(
                    "Attribute " + name + " has a blank value. Give a value or leave it out.");
        }
    }
}
