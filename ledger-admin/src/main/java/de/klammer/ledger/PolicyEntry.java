package de.klammer.ledger;

/**
 * One policy of the channel configuration.
 *
 * @param path absolute path, for example {@code /Channel/Application/Admins}
 * @param rule the decoded rule
 * @param modPolicy the policy that must be satisfied to change this policy, as stored (relative or absolute)
 * @param version version of this element, increased by one on every change
 */
public record PolicyEntry(String path, PolicyRule rule, String modPolicy, long version) {

    /** Returns the rule in plain text, for example "MAJORITY of Admins". */
    public String text() {
        return rule.text();
    }
}
