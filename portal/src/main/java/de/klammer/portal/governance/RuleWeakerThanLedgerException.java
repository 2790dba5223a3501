package de.klammer.portal.governance;

import java.util.List;

/**
 * Thrown when a decision rule could pass a proposal that the ledger would refuse, because a set of authorities whose
 * yes votes meet the rule lacks admin signatures that a mod_policy needs.
 */
public class RuleWeakerThanLedgerException extends RuntimeException {

    private final ChangeType changeType;
    private final List<String> missingSignatures;

    public RuleWeakerThanLedgerException(ChangeType changeType, List<String> missingSignatures) {
        super("The rule for " + changeType.databaseValue() + " is weaker than the ledger's mod_policy: "
                + String.join("; ", missingSignatures)
                + ". Choose a stricter threshold, counting or turnout.");
        this.changeType = changeType;
        this.missingSignatures = List.copyOf(missingSignatures);
    }

    public ChangeType changeType() {
        return changeType;
    }

    /** Returns one plain line per mod_policy that a passing vote could leave unsatisfied, naming the missing admins. */
    public List<String> missingSignatures() {
        return missingSignatures;
    }
}
