package de.klammer.portal.governance;

/** Outcome of a decision rule applied to the votes cast so far. */
public enum Verdict {
    /** The outcome can still change. */
    PENDING,
    /** The rule is met, and no voter who has not voted yet can change that. */
    PASSED,
    /** A veto, or the rule can no longer be met even if every remaining voter votes yes. */
    REJECTED,
    /** The voting deadline passed without the rule being met. */
    EXPIRED
}
