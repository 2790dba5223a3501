package de.klammer.portal.governance;

import java.util.stream.Collectors;

/** Plain-English fragments about decision rules for exception messages. */
final class RuleDescriptions {

    private RuleDescriptions() {}

    static String roles(DecisionRule rule) {
        return rule.vetoRoles().isEmpty()
                ? "nobody"
                : rule.vetoRoles().stream().map(Enum::name).sorted().collect(Collectors.joining(", "));
    }
}
