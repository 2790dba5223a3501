package de.klammer.portal.governance;

import static org.assertj.core.api.Assertions.assertThat;

import de.klammer.portal.governance.DecisionRule.Counting;
import de.klammer.portal.governance.DecisionRule.Threshold;
import de.klammer.portal.governance.VoteCounting.CastVote;
import de.klammer.portal.security.PortalRole;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties of the vote arithmetic for every threshold and turnout. Small electorates are enumerated exhaustively
 * (every split into yes, no, abstain and not voted); larger ones are drawn with fixed seeds, so a failure repeats.
 */
class DecisionRuleArithmeticTests {

    private static final int[] TURNOUTS = {0, 34, 50, 100};
    private static final int MAX_EXHAUSTIVE_ELECTORATE = 7;
    private static final int RANDOM_CASES_PER_RULE = 300;

    static Stream<DecisionRule> rules() {
        List<DecisionRule> rules = new ArrayList<>();
        for (Threshold threshold : Threshold.values()) {
            for (int turnout : TURNOUTS) {
                rules.add(rule(threshold, turnout));
            }
        }
        return rules.stream();
    }

    /** Returns every tally with an electorate of 0 to 7 and no veto. */
    static List<Tally> smallTallies() {
        List<Tally> tallies = new ArrayList<>();
        for (int electorate = 0; electorate <= MAX_EXHAUSTIVE_ELECTORATE; electorate++) {
            for (int yes = 0; yes <= electorate; yes++) {
                for (int no = 0; yes + no <= electorate; no++) {
                    for (int abstain = 0; yes + no + abstain <= electorate; abstain++) {
                        tallies.add(new Tally(electorate, yes, no, abstain, 0));
                    }
                }
            }
        }
        return tallies;
    }

    static Stream<Arguments> rulesWithSeededLargeTallies() {
        return rules().map(rule -> {
            Random random = new Random(rule.threshold().ordinal() * 1000L + rule.minTurnoutPercent());
            List<Tally> tallies = new ArrayList<>();
            for (int i = 0; i < RANDOM_CASES_PER_RULE; i++) {
                int electorate = 8 + random.nextInt(200);
                int yes = random.nextInt(electorate + 1);
                int no = random.nextInt(electorate - yes + 1);
                int abstain = random.nextInt(electorate - yes - no + 1);
                tallies.add(new Tally(electorate, yes, no, abstain, 0));
            }
            return Arguments.of(rule, tallies);
        });
    }

    @ParameterizedTest
    @MethodSource("rules")
    void passedVerdictHoldsForEveryRemainingVote(DecisionRule rule) {
        for (Tally tally : smallTallies()) {
            if (rule.judge(tally, false) != Verdict.PASSED) {
                continue;
            }
            for (Tally completed : completions(tally)) {
                assertThat(rule.isMetBy(completed))
                        .as("%s passed %s early, but the completion %s does not meet it", rule, tally, completed)
                        .isTrue();
            }
        }
    }

    @ParameterizedTest
    @MethodSource("rules")
    void rejectedVerdictHoldsForEveryRemainingVote(DecisionRule rule) {
        for (Tally tally : smallTallies()) {
            if (rule.judge(tally, false) != Verdict.REJECTED) {
                continue;
            }
            for (Tally completed : completions(tally)) {
                assertThat(rule.isMetBy(completed))
                        .as("%s rejected %s early, but the completion %s meets it", rule, tally, completed)
                        .isFalse();
            }
        }
    }

    @ParameterizedTest
    @MethodSource("rules")
    void pendingOnlyWhileRemainingVotesMatter(DecisionRule rule) {
        for (Tally tally : smallTallies()) {
            if (rule.judge(tally, false) != Verdict.PENDING) {
                continue;
            }
            List<Boolean> outcomes = completions(tally).stream().map(rule::isMetBy).distinct().toList();
            assertThat(outcomes).as("%s left %s pending although every completion ends alike", rule, tally).hasSize(2);
        }
    }

    @ParameterizedTest
    @MethodSource("rules")
    void decidesOnceEveryoneVoted(DecisionRule rule) {
        for (Tally tally : smallTallies()) {
            if (tally.remaining() != 0) {
                continue;
            }
            Verdict expected = rule.isMetBy(tally) ? Verdict.PASSED : Verdict.REJECTED;
            assertThat(rule.judge(tally, false)).as("%s on complete %s", rule, tally).isEqualTo(expected);
        }
    }

    @ParameterizedTest
    @MethodSource("rules")
    void yesVoteNeverHurts(DecisionRule rule) {
        for (Tally tally : smallTallies()) {
            boolean met = rule.isMetBy(tally);
            if (tally.remaining() > 0) {
                Tally moreYes = new Tally(tally.electorate(), tally.yes() + 1, tally.no(), tally.abstain(), 0);
                assertThat(!met || rule.isMetBy(moreYes))
                        .as("%s: an extra yes on %s broke the rule", rule, tally)
                        .isTrue();
            }
            if (tally.no() > 0) {
                Tally noToYes = new Tally(tally.electorate(), tally.yes() + 1, tally.no() - 1, tally.abstain(), 0);
                assertThat(!met || rule.isMetBy(noToYes))
                        .as("%s: turning a no into yes on %s broke the rule", rule, tally)
                        .isTrue();
            }
            if (tally.abstain() > 0) {
                Tally abstainToYes = new Tally(tally.electorate(), tally.yes() + 1, tally.no(), tally.abstain() - 1, 0);
                assertThat(!met || rule.isMetBy(abstainToYes))
                        .as("%s: turning an abstention into yes on %s broke the rule", rule, tally)
                        .isTrue();
            }
        }
    }

    @ParameterizedTest
    @MethodSource("rules")
    void noVoteNeverHelps(DecisionRule rule) {
        for (Tally tally : smallTallies()) {
            if (tally.yes() == 0) {
                continue;
            }
            Tally yesToNo = new Tally(tally.electorate(), tally.yes() - 1, tally.no() + 1, tally.abstain(), 0);
            assertThat(!rule.isMetBy(yesToNo) || rule.isMetBy(tally))
                    .as("%s: turning a yes into no on %s met the rule", rule, tally)
                    .isTrue();
        }
    }

    @ParameterizedTest
    @MethodSource("rules")
    void abstentionCountsForTurnoutNotApproval(DecisionRule rule) {
        for (Tally tally : smallTallies()) {
            Tally withAbstention = tally.remaining() > 0
                    ? new Tally(tally.electorate(), tally.yes(), tally.no(), tally.abstain() + 1, 0)
                    : null;
            if (withAbstention == null) {
                continue;
            }
            assertThat(withAbstention.turnoutPercent()).isGreaterThanOrEqualTo(tally.turnoutPercent());
            assertThat(!rule.meetsTurnout(tally) || rule.meetsTurnout(withAbstention))
                    .as("%s: an abstention on %s lowered the turnout", rule, tally)
                    .isTrue();
            if (rule.threshold() != Threshold.UNANIMITY && rule.meetsTurnout(tally)) {
                // Outside unanimity, which needs everybody, an abstention changes only the turnout.
                assertThat(rule.isMetBy(withAbstention))
                        .as("%s: an abstention on %s changed the approval", rule, tally)
                        .isEqualTo(rule.isMetBy(tally));
            }
            assertThat(rule.isMetBy(new Tally(tally.electorate(), 0, tally.no(), tally.abstain(), 0)))
                    .as("%s: abstentions alone met the rule on %s", rule, tally)
                    .isFalse();
        }
    }

    @ParameterizedTest
    @MethodSource("rules")
    void turnoutBelowMinimumNeverPasses(DecisionRule rule) {
        for (Tally tally : smallTallies()) {
            boolean turnoutTooLow = (long) tally.cast() * 100 < (long) rule.minTurnoutPercent() * tally.electorate();
            if (turnoutTooLow) {
                assertThat(rule.isMetBy(tally)).as("%s met with low turnout on %s", rule, tally).isFalse();
                assertThat(rule.judge(tally, true)).as("%s at the deadline on %s", rule, tally).isNotEqualTo(Verdict.PASSED);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("rules")
    void tieNeverPassesMajorityThresholds(DecisionRule rule) {
        for (Tally tally : smallTallies()) {
            boolean tie = tally.yes() == tally.no();
            boolean majorityOfVotes =
                    rule.threshold() == Threshold.SIMPLE_MAJORITY || rule.threshold() == Threshold.TWO_THIRDS;
            if (tie && majorityOfVotes) {
                assertThat(rule.isMetBy(tally)).as("%s met a tie %s", rule, tally).isFalse();
            }
            if (tie && tally.yes() > 0 && rule.threshold() == Threshold.UNANIMITY) {
                assertThat(rule.isMetBy(tally)).as("%s met %s with votes against", rule, tally).isFalse();
            }
        }
    }

    @ParameterizedTest
    @MethodSource("rules")
    void vetoDominatesEveryTally(DecisionRule rule) {
        for (Tally tally : smallTallies()) {
            for (int vetoes = 1; vetoes <= 2; vetoes++) {
                Tally vetoed = new Tally(tally.electorate(), tally.yes(), tally.no(), tally.abstain(), vetoes);
                assertThat(rule.judge(vetoed, false)).as("%s with veto on %s", rule, vetoed).isEqualTo(Verdict.REJECTED);
                assertThat(rule.judge(vetoed, true)).as("%s with veto at deadline on %s", rule, vetoed)
                        .isEqualTo(Verdict.REJECTED);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("rules")
    void deadlineAlwaysDecides(DecisionRule rule) {
        for (Tally tally : smallTallies()) {
            Verdict atDeadline = rule.judge(tally, true);
            assertThat(atDeadline).as("%s at the deadline on %s", rule, tally).isNotEqualTo(Verdict.PENDING);
            if (rule.isMetBy(tally)) {
                assertThat(atDeadline).as("%s at the deadline on %s", rule, tally).isEqualTo(Verdict.PASSED);
            } else {
                assertThat(atDeadline).as("%s at the deadline on %s", rule, tally).isIn(Verdict.REJECTED, Verdict.EXPIRED);
            }
            Verdict before = rule.judge(tally, false);
            if (before != Verdict.PENDING) {
                assertThat(atDeadline).as("%s: the deadline changed a final verdict on %s", rule, tally).isEqualTo(before);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("rules")
    void yesVotesStillNeededMeetsRule(DecisionRule rule) {
        for (Tally tally : smallTallies()) {
            var needed = rule.yesVotesStillNeeded(tally);
            if (needed.isEmpty()) {
                assertThat(rule.isMetBy(new Tally(
                                tally.electorate(), tally.yes() + tally.remaining(), tally.no(), tally.abstain(), 0)))
                        .as("%s: %s can still be met although nothing is said to be needed", rule, tally)
                        .isFalse();
                continue;
            }
            int more = needed.getAsInt();
            assertThat(rule.isMetBy(new Tally(tally.electorate(), tally.yes() + more, tally.no(), tally.abstain(), 0)))
                    .isTrue();
            if (more > 0) {
                assertThat(rule.isMetBy(
                                new Tally(tally.electorate(), tally.yes() + more - 1, tally.no(), tally.abstain(), 0)))
                        .as("%s: one fewer than %d yes votes already meets %s", rule, more, tally)
                        .isFalse();
            }
        }
    }

    @ParameterizedTest
    @MethodSource("rulesWithSeededLargeTallies")
    void largeElectoratesKeepInvariants(DecisionRule rule, List<Tally> tallies) {
        for (Tally tally : tallies) {
            Verdict verdict = rule.judge(tally, false);
            Tally allNo = new Tally(tally.electorate(), tally.yes(), tally.no() + tally.remaining(), tally.abstain(), 0);
            Tally allYes = new Tally(tally.electorate(), tally.yes() + tally.remaining(), tally.no(), tally.abstain(), 0);
            if (verdict == Verdict.PASSED) {
                assertThat(rule.isMetBy(tally) && rule.isMetBy(allNo)).as("%s passed %s", rule, tally).isTrue();
            }
            if (verdict == Verdict.REJECTED) {
                assertThat(rule.isMetBy(allYes)).as("%s rejected %s", rule, tally).isFalse();
            }
            if (tally.remaining() > 0 && rule.isMetBy(tally)) {
                assertThat(rule.isMetBy(tally.withMoreYes(1))).as("%s: extra yes on %s", rule, tally).isTrue();
            }
            Tally vetoed = new Tally(tally.electorate(), tally.yes(), tally.no(), tally.abstain(), 1);
            assertThat(rule.judge(vetoed, false)).isEqualTo(Verdict.REJECTED);
            assertThat(rule.judge(tally, true)).isNotEqualTo(Verdict.PENDING);
        }
    }

    @Test
    void simpleMajorityTieRejectsWhenComplete() {
        DecisionRule rule = rule(Threshold.SIMPLE_MAJORITY, 0);

        assertThat(rule.judge(new Tally(4, 2, 2, 0, 0), false)).isEqualTo(Verdict.REJECTED);
    }

    @Test
    void absoluteMajorityOfTwoNeedsBoth() {
        DecisionRule rule = rule(Threshold.ABSOLUTE_MAJORITY, 50);

        assertThat(rule.judge(new Tally(2, 1, 0, 0, 0), false)).isEqualTo(Verdict.PENDING);
        assertThat(rule.judge(new Tally(2, 1, 0, 0, 0), true)).isEqualTo(Verdict.EXPIRED);
        assertThat(rule.judge(new Tally(2, 2, 0, 0, 0), false)).isEqualTo(Verdict.PASSED);
        assertThat(rule.minimumYesVotes(2)).hasValue(2);
    }

    @Test
    void unanimityAcceptsAbstentionButNotAbsence() {
        DecisionRule rule = rule(Threshold.UNANIMITY, 0);

        assertThat(rule.judge(new Tally(3, 2, 0, 1, 0), false)).isEqualTo(Verdict.PASSED);
        assertThat(rule.judge(new Tally(3, 2, 0, 0, 0), false)).isEqualTo(Verdict.PENDING);
        assertThat(rule.judge(new Tally(3, 2, 1, 0, 0), false)).isEqualTo(Verdict.REJECTED);
    }

    @Test
    void twoThirdsCountsOnlyYesAndNo() {
        DecisionRule rule = rule(Threshold.TWO_THIRDS, 0);

        assertThat(rule.isMetBy(new Tally(9, 2, 1, 6, 0))).isTrue();
        assertThat(rule.isMetBy(new Tally(9, 3, 2, 4, 0))).isFalse();
    }

    @Test
    void authorityTieBetweenMembersCountsAsAbstention() {
        UUID bamf = UUID.randomUUID();
        UUID lds = UUID.randomUUID();
        Map<UUID, Integer> members = new LinkedHashMap<>();
        members.put(bamf, 3);
        members.put(lds, 1);
        List<CastVote> votes = List.of(
                new CastVote(bamf, VoteChoice.YES), new CastVote(bamf, VoteChoice.NO), new CastVote(lds, VoteChoice.YES));

        Tally perAuthority = VoteCounting.count(Counting.PER_AUTHORITY, votes, members);
        Tally perMember = VoteCounting.count(Counting.PER_BOARD_MEMBER, votes, members);

        assertThat(perAuthority).isEqualTo(new Tally(2, 1, 0, 1, 0));
        assertThat(perMember).isEqualTo(new Tally(4, 2, 1, 0, 0));
    }

    @Test
    void vetoIsCountedApartFromElectorate() {
        UUID bamf = UUID.randomUUID();
        Map<UUID, Integer> members = Map.of(bamf, 2);
        List<CastVote> votes = List.of(new CastVote(bamf, VoteChoice.YES), new CastVote(bamf, VoteChoice.VETO));

        Tally tally = VoteCounting.count(Counting.PER_BOARD_MEMBER, votes, members);

        assertThat(tally).isEqualTo(new Tally(2, 1, 0, 0, 1));
    }

    @Test
    void vetoAppliesOnlyToPersonalDataWhenScoped() {
        DecisionRule scoped = new DecisionRule(ChangeType.APPLICATION_POLICY, Threshold.SIMPLE_MAJORITY,
                Counting.PER_AUTHORITY, 0, Set.of(PortalRole.DPO), true, Duration.ofHours(24));

        assertThat(scoped.allowsVetoBy(Set.of(PortalRole.DPO), true)).isTrue();
        assertThat(scoped.allowsVetoBy(Set.of(PortalRole.DPO), false)).isFalse();
        assertThat(scoped.allowsVetoBy(Set.of(PortalRole.AUDITOR), true)).isFalse();
    }

    /** Returns every way the units that have not voted can still vote: not at all, yes, no or abstain. */
    private static List<Tally> completions(Tally tally) {
        List<Tally> result = new ArrayList<>();
        int remaining = tally.remaining();
        for (int yes = 0; yes <= remaining; yes++) {
            for (int no = 0; yes + no <= remaining; no++) {
                for (int abstain = 0; yes + no + abstain <= remaining; abstain++) {
                    result.add(new Tally(
                            tally.electorate(), tally.yes() + yes, tally.no() + no, tally.abstain() + abstain, 0));
                }
            }
        }
        return result;
    }

    private static DecisionRule rule(Threshold threshold, int turnout) {
        return new DecisionRule(ChangeType.APPLICATION_POLICY, threshold, Counting.PER_AUTHORITY, turnout, Set.of(),
                true, Duration.ofHours(24));
    }
}
