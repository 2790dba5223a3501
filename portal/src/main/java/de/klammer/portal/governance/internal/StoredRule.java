package de.klammer.portal.governance.internal;

import de.klammer.portal.governance.DecisionRule;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** The decision rule in force for one change type. */
@Entity
@Table(name = "decision_rule")
public class StoredRule {

    @Id
    @Column(name = "change_type")
    private String changeType = "";

    @Column(nullable = false)
    private String threshold = "";

    @Column(nullable = false)
    private String counting = "";

    @Column(name = "min_turnout_percent", nullable = false)
    private int minTurnoutPercent;

    @Column(name = "veto_roles", nullable = false)
    private String vetoRoles = "";

    @Column(name = "veto_personal_data_only", nullable = false)
    private boolean vetoPersonalDataOnly;

    @Column(name = "voting_period_hours", nullable = false)
    private int votingPeriodHours;

    @Column(name = "updated_by_proposal")
    private @Nullable String updatedByProposal;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt = Instant.EPOCH;

    @Version
    private long version;

    protected StoredRule() {}

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

    /** Puts a new rule in force, recording the proposal that decided it. */
    public void replace(DecisionRule rule, String proposalReference) {
        if (!rule.changeType().databaseValue().equals(changeType)) {
            throw new IllegalArgumentException("Rule for " + rule.changeType().databaseValue()
                    + " cannot replace the rule for " + changeType);
        }
        this.threshold = rule.threshold().databaseValue();
        this.counting = rule.counting().databaseValue();
        this.minTurnoutPercent = rule.minTurnoutPercent();
        this.vetoRoles = RuleColumns.roles(rule.vetoRoles());
        this.vetoPersonalDataOnly = rule.vetoPersonalDataOnly();
        this.votingPeriodHours = Math.toIntExact(rule.votingPeriod().toHours());
        this.updatedByProposal = proposalReference;
        this.updatedAt = Instant.now();
    }

    public @Nullable String updatedByProposal() {
        return updatedByProposal;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
