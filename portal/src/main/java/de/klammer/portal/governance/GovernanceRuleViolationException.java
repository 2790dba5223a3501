package de.klammer.portal.governance;

/** Thrown when a board member's request breaks a governance rule; {@link #rule()} names which. */
public class GovernanceRuleViolationException extends RuntimeException {

    /** The governance rules that a request can break. */
    public enum Rule {
        /** The proposer approved their own proposal. */
        SELF_APPROVAL,
        /** The board member has already approved this proposal. */
        ALREADY_APPROVED,
        /** Only board members of an authority whose signature counts may recompute a proposal. */
        NOT_A_SIGNING_AUTHORITY
    }

    private final Rule rule;

    public GovernanceRuleViolationException(Rule rule, String message) {
        super(message);
        this.rule = rule;
    }

    public Rule rule() {
        return rule;
    }
}
