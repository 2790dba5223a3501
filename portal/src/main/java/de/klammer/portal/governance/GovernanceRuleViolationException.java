package de.klammer.portal.governance;

/** Thrown when a board member's request breaks a governance rule; {@link #rule()} names which. */
public class GovernanceRuleViolationException extends RuntimeException {

    /** The governance rules that a request can break. */
    public enum Rule {
        /** The proposer voted on their own proposal; proposing counts as their yes vote. */
        SELF_APPROVAL,
        /** The voter has already cast this same vote on this proposal. */
        ALREADY_VOTED,
        /** A no vote or a veto came without a reason. */
        REASON_REQUIRED,
        /** The voting deadline has passed, so the proposal takes no more votes. */
        VOTING_CLOSED,
        /** The user has no veto role of the proposal's rule, or the rule allows no veto on this proposal. */
        NO_VETO_RIGHT,
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
