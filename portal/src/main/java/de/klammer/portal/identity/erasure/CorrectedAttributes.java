package de.klammer.portal.identity.erasure;

import de.klammer.identity.IdentityUpdate;
import de.klammer.identity.RoleAttribute;
import java.util.ArrayList;
import java.util.List;

/**
 * The attribute changes of a correction as stored with the request: one {@code name=value} line per attribute to
 * set and one {@code -name} line per attribute to remove.
 */
final class CorrectedAttributes {

    private CorrectedAttributes() {}

    static String format(List<RoleAttribute> attributes, List<String> removed) {
        List<String> lines = new ArrayList<>();
        attributes.forEach(attribute -> lines.add(attribute.name() + "=" + attribute.value()));
        removed.forEach(name -> lines.add("-" + name));
        return String.join("\n", lines);
    }

    /** Builds the CA identity update from the stored lines. */
    static IdentityUpdate toUpdate(String stored) {
        IdentityUpdate update = IdentityUpdate.none();
        for (String line : stored.split("\n")) {
            if (line.startsWith("-")) {
                update = update.withoutAttribute(line.substring(1));
            } else if (!line.isBlank()) {
                int separator = line.indexOf('=');
                update = update.withAttribute(
                        new RoleAttribute(line.substring(0, separator), line.substring(separator + 1)));
            }
        }
        return update;
    }

    /** Returns the attributes to set, for the personal-data check. */
    static List<RoleAttribute> attributes(String stored) {
        return toUpdate(stored).attributes();
    }
}
