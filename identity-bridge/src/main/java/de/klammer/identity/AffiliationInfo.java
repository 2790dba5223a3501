package de.klammer.identity;

import java.util.List;

/**
 * An affiliation as {@code GET /affiliations/{name}} returns it.
 *
 * @param name the full dot-separated name, for example {@code bamf.decision}
 * @param children full names of the affiliations directly below it
 */
public record AffiliationInfo(String name, List<String> children) {

    public AffiliationInfo {
        children = List.copyOf(children);
    }
}
