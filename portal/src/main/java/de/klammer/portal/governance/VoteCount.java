package de.klammer.portal.governance;

import org.jspecify.annotations.Nullable;

/**
 * The count so far of a proposal's votes under its rule.
 *
 * @param tally the votes in the rule's units
 * @param verdict what the rule makes of them now
 * @param yesStillNeeded yes votes from units that have not voted that would meet the rule; null when none would
 * @param turnoutMet whether the minimum turnout is reached
 */
public record VoteCount(Tally tally, Verdict verdict, @Nullable Integer yesStillNeeded, boolean turnoutMet) {}
