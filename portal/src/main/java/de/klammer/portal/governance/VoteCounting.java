package de.klammer.portal.governance;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Counts cast votes in the units of a rule. */
final class VoteCounting {

    private VoteCounting() {}

    /**
     * One cast vote.
     *
     * @param authorityId the voter's authority
     * @param choice the vote
     */
    record CastVote(UUID authorityId, VoteChoice choice) {}

    /**
     * Counts the votes.
     *
     * @param boardMembersPerAuthority every authority entitled to vote, with its number of board members
     */
    static Tally count(DecisionRule.Counting counting, List<CastVote> votes, Map<UUID, Integer> boardMembersPerAuthority) {
        int vetoes = (int) votes.stream().filter(vote -> vote.choice() == VoteChoice.VETO).count();
        List<CastVote> ballots = votes.stream()
                .filter(vote -> vote.choice() != VoteChoice.VETO)
                .filter(vote -> boardMembersPerAuthority.containsKey(vote.authorityId()))
                .toList();
        return switch (counting) {
            case PER_BOARD_MEMBER -> perBoardMember(ballots, boardMembersPerAuthority, vetoes);
            case PER_AUTHORITY -> perAuthority(ballots, boardMembersPerAuthority.size(), vetoes);
        };
    }

    private static Tally perBoardMember(List<CastVote> ballots, Map<UUID, Integer> members, int vetoes) {
        int electorate = members.values().stream().mapToInt(Integer::intValue).sum();
        return new Tally(
                Math.max(electorate, ballots.size()),
                count(ballots, VoteChoice.YES),
                count(ballots, VoteChoice.NO),
                count(ballots, VoteChoice.ABSTAIN),
                vetoes);
    }

    private static Tally perAuthority(List<CastVote> ballots, int authorities, int vetoes) {
        Map<UUID, int[]> yesAndNo = new HashMap<>();
        for (CastVote ballot : ballots) {
            int[] counts = yesAndNo.computeIfAbsent(ballot.authorityId(), id -> new int[2]);
            if (ballot.choice() == VoteChoice.YES) {
                counts[0]++;
            } else if (ballot.choice() == VoteChoice.NO) {
                counts[1]++;
            }
        }
        int yes = 0;
        int no = 0;
        int abstain = 0;
        for (int[] counts : yesAndNo.values()) {
            if (counts[0] > counts[1]) {
                yes++;
            } else if (counts[1] > counts[0]) {
                no++;
            } else {
                abstain++;
            }
        }
        return new Tally(authorities, yes, no, abstain, vetoes);
    }

    private static int count(List<CastVote> ballots, VoteChoice choice) {
        return (int) ballots.stream().filter(ballot -> ballot.choice() == choice).count();
    }
}
