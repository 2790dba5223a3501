package de.klammer.portal.governance.internal;

import de.klammer.portal.governance.DecisionRule;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.util.UUID;

/** The rule that a rule-change proposal would put in force. */
@Entity
@Table(name = "decision_rule_change")
public class RuleChange {

    @Id
    @Column(name = "proposal_id")
    private UUID proposalId = new UUID(0, 0);

    @Column(name = "change_type", nullable = false, updatable = false)
    private String changeType = "";

    @Column(nullable = false, updatable = false)
    private String threshold = "";

    @Column(nullable = false, updatable = false)
    private String counting = "";

    @Column(name = "min_turnout_percent", nullable = false, updatable = false)
    private int minTurnoutPercent;

    @Column(name = "veto_roles", nullable = false, updatable = false)
    private String vetoRoles = "";

    @Column(name = "veto_personal_data_only", nullable = false, updatable = false)
    private boolean vetoPersonalDataOnly;

    @Column(name = "voting_period_hours", nullable = false, updatable = false)
    private int votingPeriodHours;

    protected RuleChange() {}

    public RuleChange(UUID proposalId, DecisionRule rule) {
        this.proposalId = proposalId;
        this.changeType = rule.changeType().databaseValue();
        this.threshold = rule.threshold().databaseValue();
        this.counting = rule.counting().databaseValue();
        this.minTurnoutPercent = rule.minTurnoutPercent();
        this.vetoRoles = RuleColumns.roles(rule.vetoRoles());
        this.vetoPersonalDataOnly = rule.vetoPersonalDataOnly();
        this.votingPeriodHours = Math.toIntExact(rule.votingPeriod().toHours());
    }

    public DecisionRule rule() {
        return RuleColumns.rule(
                changeType,
                threshold,
                counting,
                minTurnoutPercent,
                vetoRoles,
                vetoPersonalDataOnly,
                Duration.ofHours(votingPeriodHours));
    }
}
