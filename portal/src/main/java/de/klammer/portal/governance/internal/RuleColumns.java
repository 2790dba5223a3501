package de.klammer.portal.governance.internal;

import de.klammer.portal.governance.ChangeType;
import de.klammer.portal.governance.DecisionRule;
import de.klammer.portal.governance.DecisionRule.Counting;
import de.klammer.portal.governance.DecisionRule.Threshold;
import de.klammer.portal.security.PortalRole;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** Converts a decision rule to and from the column values that several tables share. */
final class RuleColumns {

    private RuleColumns() {}

    static DecisionRule rule(
            String changeType,
            String threshold,
            String counting,
            int minTurnoutPercent,
            String vetoRoles,
            boolean vetoPersonalDataOnly,
            Duration votingPeriod) {
        return new DecisionRule(
                ChangeType.fromDatabaseValue(changeType),
                Threshold.fromDatabaseValue(threshold),
                Counting.fromDatabaseValue(counting),
                minTurnoutPercent,
                roles(vetoRoles),
                vetoPersonalDataOnly,
                votingPeriod);
    }

    /** Returns the roles as stored: enum names joined by commas, sorted so equal sets store equally. */
    static String roles(Set<PortalRole> roles) {
        return roles.stream().map(PortalRole::name).sorted().collect(Collectors.joining(","));
    }

    static Set<PortalRole> roles(String column) {
        if (column.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(column.split(",")).map(PortalRole::valueOf).collect(Collectors.toSet());
    }
}
