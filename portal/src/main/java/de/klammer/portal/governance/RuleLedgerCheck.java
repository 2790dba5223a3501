package de.klammer.portal.governance;

import de.klammer.portal.authority.Authority;
import de.klammer.portal.authority.AuthorityService;
import de.klammer.portal.authority.BoardMemberService;
import de.klammer.portal.ledger.ChannelView;
import de.klammer.portal.ledger.LedgerGateway;
import de.klammer.portal.ledger.PolicyView;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.springframework.stereotype.Component;

/**
 * Compares a decision rule with the mod_policies on the live channel that guard the policies of its change type. A
 * rule is weaker than the ledger when some set of authorities could meet it with their yes votes alone, while the
 * admins of exactly those authorities do not satisfy a mod_policy. Every authority whose member votes yes signs, so
 * that set of signatures is what the ledger would see.
 */
@Component
class RuleLedgerCheck {

    /** Authorities up to which every coalition is checked; 2^16 coalitions per mod_policy at most. */
    private static final int MAX_ENUMERATED_AUTHORITIES = 16;

    /** The policy that configtxgen makes the mod_policy of the {@code /Channel/Application} group. */
    private static final String APPLICATION_ADMINS = "/Channel/Application/Admins";

    private final LedgerGateway ledger;
    private final AuthorityService authorities;
    private final BoardMemberService boardMembers;

    RuleLedgerCheck(LedgerGateway ledger, AuthorityService authorities, BoardMemberService boardMembers) {
        this.ledger = ledger;
        this.authorities = authorities;
        this.boardMembers = boardMembers;
    }

    /**
     * Returns one line per mod_policy that a passing vote could leave unsatisfied, naming the admins still missing,
     * for example {@code "/Channel/Application/Admins: LdsMSP admin missing when only BamfMSP vote yes"}; empty when
     * the rule is at least as strict as the ledger.
     *
     * @throws IllegalArgumentException when no combination of votes can meet the rule
     */
    List<String> missingSignatures(String channel, DecisionRule rule) {
        if (rule.changeType() == ChangeType.RULE_CHANGE) {
            return List.of();
        }
        Set<String> modPolicies = modPolicies(ledger.readChannel(channel), rule.changeType());
        if (modPolicies.isEmpty()) {
            return List.of();
        }
        List<Voter> voters = voters(rule.counting());
        int electorate = voters.stream().mapToInt(Voter::weight).sum();
        OptionalInt minimumYes = rule.minimumYesVotes(electorate);
        if (minimumYes.isEmpty()) {
            throw new IllegalArgumentException("No combination of votes can meet this rule with " + electorate
                    + " voters entitled; lower the turnout or choose another threshold");
        }
        // NOTE: past 16 authorities only the coalitions of the 16 with the most votes are checked.
        List<Voter> checked = voters.stream()
                .sorted(Comparator.comparingInt(Voter::weight).reversed())
                .limit(MAX_ENUMERATED_AUTHORITIES)
                .toList();
        List<Integer> passing = passingCoalitions(checked, minimumYes.getAsInt());

        List<String> lines = new ArrayList<>();
        for (String modPolicy : modPolicies) {
            List<Boolean> satisfied = ledger.satisfiedByAdmins(channel, modPolicy, coalitions(checked, passing));
            int failing = satisfied.indexOf(false);
            if (failing >= 0) {
                int mask = passing.get(failing);
                lines.add(modPolicy + ": " + describeMissing(channel, modPolicy, checked, mask) + " missing when only "
                        + String.join(", ", mspIds(checked, mask)) + " vote yes");
            }
        }
        return lines;
    }

    /**
     * Returns the coalitions, as bit masks over {@code voters}, whose yes votes alone can meet the rule; smallest
     * first, so a refusal names the fewest authorities that could pass the rule alone.
     */
    private static List<Integer> passingCoalitions(List<Voter> voters, int minimumYes) {
        return IntStream.range(1, 1 << voters.size())
                .filter(mask -> weight(voters, mask) >= minimumYes)
                .boxed()
                .sorted(Comparator.comparingInt(Integer::bitCount))
                .toList();
    }

    /** Returns the smallest set of other authorities' admins that would complete the signatures, in words. */
    private String describeMissing(String channel, String modPolicy, List<Voter> voters, int mask) {
        int others = ((1 << voters.size()) - 1) & ~mask;
        List<Integer> additions = IntStream.range(1, 1 << voters.size())
                .filter(extra -> (extra & others) == extra)
                .boxed()
                .sorted(Comparator.comparingInt(Integer::bitCount))
                .toList();
        List<Integer> completed = additions.stream().map(extra -> extra | mask).toList();
        int first = ledger.satisfiedByAdmins(channel, modPolicy, coalitions(voters, completed)).indexOf(true);
        if (first < 0) {
            return "admins of organisations that are no authority of this portal";
        }
        return String.join(", ", mspIds(voters, additions.get(first)).stream().map(id -> id + " admin").toList());
    }

    private static List<Set<String>> coalitions(List<Voter> voters, List<Integer> masks) {
        return masks.stream().map(mask -> mspIds(voters, mask)).toList();
    }

    private List<Voter> voters(DecisionRule.Counting counting) {
        return authorities.findActive().stream()
                .map(authority -> new Voter(authority.mspId(), weight(counting, authority)))
                .toList();
    }

    private int weight(DecisionRule.Counting counting, Authority authority) {
        return switch (counting) {
            case PER_AUTHORITY -> 1;
            case PER_BOARD_MEMBER -> Math.toIntExact(boardMembers.countByAuthority(authority.id()));
        };
    }

    /** Returns the absolute paths of the mod_policies that guard the policies of this change type. */
    static Set<String> modPolicies(ChannelView channel, ChangeType changeType) {
        Set<String> paths = new TreeSet<>();
        if (changeType == ChangeType.ONBOARDING || changeType == ChangeType.OFFBOARDING) {
            // Adding or removing an organisation changes the /Channel/Application group itself, so the group's
            // mod_policy guards it.
            // NOTE: ChannelView carries no group mod_policies, so this assumes the group's Admins policy, which
            // configtxgen makes its mod_policy. A channel with another group mod_policy is checked against Admins.
            boolean hasAdmins = channel.policies().stream()
                    .anyMatch(policy -> policy.path().equals(APPLICATION_ADMINS));
            if (hasAdmins) {
                paths.add(APPLICATION_ADMINS);
            }
            return paths;
        }
        for (PolicyView policy : channel.policies()) {
            if (changeType.covers(policy.path()) && !policy.modPolicy().isEmpty()) {
                paths.add(absoluteModPolicy(policy));
            }
        }
        return paths;
    }

    /** Resolves a relative mod_policy against the group that contains the policy, as Fabric's configtx does. */
    static String absoluteModPolicy(PolicyView policy) {
        if (policy.modPolicy().startsWith("/")) {
            return policy.modPolicy();
        }
        return policy.path().substring(0, policy.path().lastIndexOf('/')) + "/" + policy.modPolicy();
    }

    private static int weight(List<Voter> voters, int mask) {
        return IntStream.range(0, voters.size())
                .filter(i -> (mask & (1 << i)) != 0)
                .map(i -> voters.get(i).weight())
                .sum();
    }

    private static Set<String> mspIds(List<Voter> voters, int mask) {
        Set<String> ids = new LinkedHashSet<>();
        for (int i = 0; i < voters.size(); i++) {
            if ((mask & (1 << i)) != 0) {
                ids.add(voters.get(i).mspId());
            }
        }
        return ids;
    }

    private record Voter(String mspId, int weight) {}
}
