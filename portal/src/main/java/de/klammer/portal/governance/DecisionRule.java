package de.klammer.portal.governance;

import de.klammer.portal.security.PortalRole;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;

/**
 * How the board decides on changes of one type. Abstentions count toward the turnout but never toward approval.
 *
 * @param changeType the change type the rule governs
 * @param threshold how many yes votes are enough
 * @param counting whether authorities or board members are the units that vote
 * @param minTurnoutPercent share of the electorate, in percent, that must vote (yes, no or abstain)
 * @param vetoRoles portal roles whose holders can veto; a single veto rejects the proposal
 * @param vetoPersonalDataOnly whether the veto applies only to proposals marked as touching personal data
 * @param votingPeriod time from opening to the voting deadline, after which an undecided proposal expires
 */
public record DecisionRule(
        ChangeType changeType,
        Threshold threshold,
        Counting counting,
        int minTurnoutPercent,
        Set<PortalRole> vetoRoles,
        boolean vetoPersonalDataOnly,
        Duration votingPeriod) {

    /** Shortest voting period a rule may set. */
    public static final Duration MIN_VOTING_PERIOD = Duration.ofHours(1);
    /** Longest voting period a rule may set: 366 days. */
    public static final Duration MAX_VOTING_PERIOD = Duration.ofHours(8784);

    public DecisionRule {
        Objects.requireNonNull(changeType, "changeType must not be null");
        Objects.requireNonNull(threshold, "threshold must not be null");
        Objects.requireNonNull(counting, "counting must not be null");
        Objects.requireNonNull(votingPeriod, "votingPeriod must not be null");
        vetoRoles = Set.copyOf(vetoRoles);
        if (minTurnoutPercent < 0 || minTurnoutPercent > 100) {
            throw new IllegalArgumentException(
                    "Minimum turnout must be between 0 and 100 percent, but is " + minTurnoutPercent);
        }
        if (votingPeriod.compareTo(MIN_VOTING_PERIOD) < 0 || votingPeriod.compareTo(MAX_VOTING_PERIOD) > 0) {
            throw new IllegalArgumentException("Voting period must be between 1 and 8784 hours (366 days), but is "
                    + votingPeriod.toHours() + " hours");
        }
        if (votingPeriod.toSeconds() % 3600 != 0) {
            throw new IllegalArgumentException("Voting period must be whole hours, but is " + votingPeriod);
        }
    }

    /** How many yes votes are enough. */
    public enum Threshold {
        /** More yes than no votes. */
        SIMPLE_MAJORITY,
        /** Yes votes from more than half of the electorate. */
        ABSOLUTE_MAJORITY,
        /** At least two thirds of the yes and no votes, and at least one yes. */
        TWO_THIRDS,
        /** At least one yes, no vote against, and every unit of the electorate voted yes or abstained. */
        UNANIMITY;

        /** Returns the value stored in the database, for example {@code two-thirds}. */
        public String databaseValue() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        /** Returns the threshold for a database value. */
        public static Threshold fromDatabaseValue(String value) {
            return Arrays.stream(values())
                    .filter(threshold -> threshold.databaseValue().equals(value))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("Unknown threshold: " + value));
        }

        boolean isMetBy(Tally tally) {
            return switch (this) {
                case SIMPLE_MAJORITY -> tally.yes() > tally.no();
                case ABSOLUTE_MAJORITY -> 2 * tally.yes() > tally.electorate();
                case TWO_THIRDS -> tally.yes() > 0 && 3 * tally.yes() >= 2 * (tally.yes() + tally.no());
                case UNANIMITY -> tally.yes() > 0 && tally.no() == 0 && tally.remaining() == 0;
            };
        }
    }

    /** The units that vote. */
    public enum Counting {
        /**
         * Each authority has one vote: the majority of its board members' yes and no votes. A tie between them, or
         * only abstentions, makes the authority abstain.
         */
        PER_AUTHORITY,
        /** Each board member has one vote. */
        PER_BOARD_MEMBER;

        /** Returns the value stored in the database, for example {@code per-authority}. */
        public String databaseValue() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        /** Returns the counting for a database value. */
        public static Counting fromDatabaseValue(String value) {
            return Arrays.stream(values())
                    .filter(counting -> counting.databaseValue().equals(value))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("Unknown counting: " + value));
        }
    }

    /** Returns whether the votes meet both the turnout and the threshold, ignoring vetoes. */
    public boolean isMetBy(Tally tally) {
        return meetsTurnout(tally) && threshold.isMetBy(tally);
    }

    /** Returns whether enough of the electorate voted. */
    public boolean meetsTurnout(Tally tally) {
        return (long) tally.cast() * 100 >= (long) minTurnoutPercent * tally.electorate();
    }

    /**
     * Judges the votes. A veto rejects at once. Before the deadline the verdict is final only when the units that have
     * not voted yet cannot change it, whatever they vote; at the deadline the votes cast decide.
     */
    public Verdict judge(Tally tally, boolean deadlinePassed) {
        if (tally.vetoes() > 0) {
            return Verdict.REJECTED;
        }
        // Turnout only grows and the threshold only shrinks as remaining units vote no, so checking "nobody else
        // votes" and "everybody else votes no" covers every way the remaining units can vote.
        if (isMetBy(tally) && isMetBy(tally.withMoreNo(tally.remaining()))) {
            return Verdict.PASSED;
        }
        if (!isMetBy(tally.withMoreYes(tally.remaining()))) {
            return Verdict.REJECTED;
        }
        if (deadlinePassed) {
            return isMetBy(tally) ? Verdict.PASSED : Verdict.EXPIRED;
        }
        return Verdict.PENDING;
    }

    /** Returns how many more yes votes from units that have not voted yet would meet the rule, or empty if none would. */
    public OptionalInt yesVotesStillNeeded(Tally tally) {
        for (int more = 0; more <= tally.remaining(); more++) {
            if (isMetBy(tally.withMoreYes(more))) {
                return OptionalInt.of(more);
            }
        }
        return OptionalInt.empty();
    }

    /**
     * Returns the fewest yes votes that can meet the rule in an electorate of this size, with every other unit
     * abstaining; empty when no number of yes votes can.
     */
    public OptionalInt minimumYesVotes(int electorate) {
        for (int yes = 1; yes <= electorate; yes++) {
            if (isMetBy(new Tally(electorate, yes, 0, electorate - yes, 0))) {
                return OptionalInt.of(yes);
            }
        }
        return OptionalInt.empty();
    }

    /** Returns whether a holder of these roles may veto a proposal of this rule. */
    public boolean allowsVetoBy(Set<PortalRole> roles, boolean touchesPersonalData) {
        if (vetoPersonalDataOnly && !touchesPersonalData) {
            return false;
        }
        return roles.stream().anyMatch(vetoRoles::contains);
    }
}
