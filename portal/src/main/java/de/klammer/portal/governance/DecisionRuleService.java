package de.klammer.portal.governance;

import de.klammer.portal.governance.internal.StoredRule;
import de.klammer.portal.governance.internal.StoredRuleRepository;
import de.klammer.portal.shell.PortalProperties;
import java.util.Arrays;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the decision rules in force and checks proposed rules against the ledger. Rules change only through an
 * applied rule-change proposal ({@link ProposalService#proposeRuleChange}).
 */
@Service
@Transactional(readOnly = true)
public class DecisionRuleService {

    private final StoredRuleRepository rules;
    private final RuleLedgerCheck ledgerCheck;
    private final String channel;

    DecisionRuleService(StoredRuleRepository rules, RuleLedgerCheck ledgerCheck, PortalProperties properties) {
        this.rules = rules;
        this.ledgerCheck = ledgerCheck;
        this.channel = properties.channel();
    }

    /** Returns the rule in force for every change type, in the order of {@link ChangeType}. */
    @PreAuthorize("hasAnyRole('BOARD_MEMBER', 'AUTHORITY_ADMIN', 'DPO', 'AUDITOR')")
    public List<DecisionRuleSummary> listRules() {
        return Arrays.stream(ChangeType.values())
                .map(type -> stored(type))
                .map(stored -> new DecisionRuleSummary(stored.rule(), stored.updatedByProposal(), stored.updatedAt()))
                .toList();
    }

    /**
     * Compares the rule with the live mod_policies its change type touches. Returns what a passing vote could leave
     * unsigned, one line per mod_policy, or an empty list when the rule is at least as strict as the ledger.
     *
     * @throws IllegalArgumentException when no combination of votes can meet the rule
     */
    @PreAuthorize("hasRole('BOARD_MEMBER')")
    public List<String> checkAgainstLedger(DecisionRule rule) {
        return ledgerCheck.missingSignatures(channel, rule);
    }

    /** Returns the rule in force for the change type. */
    DecisionRule current(ChangeType changeType) {
        return stored(changeType).rule();
    }

    /**
     * Refuses a rule that could pass what the ledger refuses.
     *
     * @throws RuleWeakerThanLedgerException naming the missing signatures
     */
    void requireAtLeastAsStrictAsLedger(DecisionRule rule) {
        List<String> missing = ledgerCheck.missingSignatures(channel, rule);
        if (!missing.isEmpty()) {
            throw new RuleWeakerThanLedgerException(rule.changeType(), missing);
        }
    }

    /** Puts the rule in force, locking its row against a concurrent rule change. */
    @Transactional
    void replace(DecisionRule rule, String proposalReference) {
        StoredRule stored = rules.findByIdForUpdate(rule.changeType().databaseValue())
                .orElseThrow(() -> missingRule(rule.changeType()));
        stored.replace(rule, proposalReference);
    }

    private StoredRule stored(ChangeType changeType) {
        return rules.findById(changeType.databaseValue()).orElseThrow(() -> missingRule(changeType));
    }

    private static IllegalStateException missingRule(ChangeType changeType) {
        return new IllegalStateException("No decision rule for change type " + changeType.databaseValue()
                + "; the migration V030 seeds one per type");
    }
}
