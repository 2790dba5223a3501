package de.klammer.portal.governance.internal;

import de.klammer.portal.governance.DecisionRule;

/** Describes decision rules in plain English for records that outlive the UI language, such as the audit trail. */
public final class RuleTexts {

    private RuleTexts() {}

    /**
     * Returns the rule in one line, for example {@code absolute-majority per-authority, turnout >= 50%, veto DPO on
     * personal data, 336 h}.
     */
    public static String describe(DecisionRule rule) {
        String veto = rule.vetoRoles().isEmpty()
                ? "no veto"
                : "veto " + RuleColumns.roles(rule.vetoRoles()).replace(",", ", ")
                        + (rule.vetoPersonalDataOnly() ? " on personal data" : " on every proposal");
        return rule.threshold().databaseValue() + " " + rule.counting().databaseValue() + ", turnout >= "
                + rule.minTurnoutPercent() + "%, " + veto + ", " + rule.votingPeriod().toHours() + " h";
    }
}
