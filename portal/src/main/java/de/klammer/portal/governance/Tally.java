package de.klammer.portal.governance;

/**
 * Votes counted in the units of a rule: authorities or board members.
 *
 * @param electorate units entitled to vote
 * @param yes units that voted yes
 * @param no units that voted no
 * @param abstain units that abstained
 * @param vetoes vetoes cast by holders of a veto role; they are not part of the electorate
 */
public record Tally(int electorate, int yes, int no, int abstain, int vetoes) {

    public Tally {
        if (electorate < 0 || yes < 0 || no < 0 || abstain < 0 || vetoes < 0) {
            throw new IllegalArgumentException("Vote counts must not be negative: " + electorate + " entitled, "
                    + yes + " yes, " + no + " no, " + abstain + " abstain, " + vetoes + " vetoes");
        }
        if (yes + no + abstain > electorate) {
            throw new IllegalArgumentException("More votes (" + (yes + no + abstain) + ") than voters entitled ("
                    + electorate + ")");
        }
    }

    /** Returns the units that took part: yes, no and abstentions. */
    public int cast() {
        return yes + no + abstain;
    }

    /** Returns the units that have not voted yet. */
    public int remaining() {
        return electorate - cast();
    }

    /** Returns the turnout in percent, rounded down; zero for an empty electorate. */
    public int turnoutPercent() {
        return electorate == 0 ? 0 : cast() * 100 / electorate;
    }

    Tally withMoreYes(int count) {
        return new Tally(electorate, yes + count, no, abstain, vetoes);
    }

    Tally withMoreNo(int count) {
        return new Tally(electorate, yes, no + count, abstain, vetoes);
    }
}
