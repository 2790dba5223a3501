package de.klammer.portal.concept;

import de.klammer.portal.concept.ConceptModel.Right;
import de.klammer.portal.concept.ConceptModel.Role;
import de.klammer.portal.concept.ConceptModel.SodRule;
import de.klammer.portal.concept.ConceptModel.StatusType;
import de.klammer.portal.concept.ConceptModel.SubProcess;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The difference between two concept versions in plain words, one line per added, removed or changed sub-process,
 * status type, role, right and separation-of-duties rule, for the board to read on a proposal.
 */
public final class ConceptDiff {

    private ConceptDiff() {}

    /**
     * Lists what {@code next} changes compared with {@code current}; an empty list when they are equal. A null
     * {@code current} means no applied version yet, so everything in {@code next} is added.
     */
    public static List<String> between(@Nullable ConceptModel current, ConceptModel next) {
        ConceptModel base = current != null
                ? current
                : new ConceptModel(List.of(), List.of(), List.of(), List.of(), Set.of(), List.of());
        List<String> lines = new ArrayList<>();
        compare(byCode(base.subProcesses(), SubProcess::code), byCode(next.subProcesses(), SubProcess::code),
                sub -> "Add sub-process " + sub.code() + " (" + sub.name() + ")",
                sub -> "Remove sub-process " + sub.code(),
                (before, after) -> "Rename sub-process " + after.code() + " from " + before.name() + " to "
                        + after.name(),
                lines);
        compare(byCode(base.statusTypes(), StatusType::code), byCode(next.statusTypes(), StatusType::code),
                type -> "Add status type " + type.code() + " (" + type.name() + ") to sub-process "
                        + type.subProcessCode(),
                type -> "Remove status type " + type.code() + " of sub-process " + type.subProcessCode(),
                (before, after) -> "Change status type " + after.code() + " to " + after.name() + " in sub-process "
                        + after.subProcessCode(),
                lines);
        compare(byCode(normalized(base.roles()), Role::code), byCode(normalized(next.roles()), Role::code),
                role -> "Add role " + role.code() + " (" + role.name() + ") " + describeScope(role),
                role -> "Remove role " + role.code() + " (" + role.name() + ")",
                (before, after) -> "Change role " + after.code() + " to " + after.name() + " "
                        + describeScope(after),
                lines);
        compareRights(base, next, lines);
        compare(bySodPair(base.sodRules()), bySodPair(next.sodRules()),
                rule -> "Add separation-of-duties rule: " + describe(rule),
                rule -> "Remove separation-of-duties rule: " + describe(rule),
                (before, after) -> "Change separation-of-duties rule: " + describe(after),
                lines);
        return lines;
    }

    private static void compareRights(ConceptModel base, ConceptModel next, List<String> lines) {
        Comparator<Right> order = Comparator.comparing(Right::roleCode)
                .thenComparing(Right::statusTypeCode)
                .thenComparing(Right::action);
        next.rights().stream()
                .filter(right -> !base.rights().contains(right))
                .sorted(order)
                .forEach(right -> lines.add("Grant role " + right.roleCode() + " the right to "
                        + right.action().code() + " status type " + right.statusTypeCode()));
        base.rights().stream()
                .filter(right -> !next.rights().contains(right))
                .sorted(order)
                .forEach(right -> lines.add("Revoke from role " + right.roleCode() + " the right to "
                        + right.action().code() + " status type " + right.statusTypeCode()));
    }

    private static <T> void compare(
            Map<String, T> before,
            Map<String, T> after,
            Function<T, String> added,
            Function<T, String> removed,
            BiFunction<T, T, String> changed,
            List<String> lines) {
        after.forEach((key, value) -> {
            T old = before.get(key);
            if (old == null) {
                lines.add(added.apply(value));
            } else if (!Objects.equals(old, value)) {
                lines.add(changed.apply(old, value));
            }
        });
        before.forEach((key, value) -> {
            if (!after.containsKey(key)) {
                lines.add(removed.apply(value));
            }
        });
    }

    /** Sorts each role's components, because their order carries no meaning and must not show as a change. */
    private static List<Role> normalized(List<Role> roles) {
        return roles.stream()
                .map(role -> new Role(role.code(), role.name(), role.authorityType(), role.authorityCode(),
                        role.components().stream().sorted().toList()))
                .toList();
    }

    private static String describeScope(Role role) {
        String scope = role.authorityCode() != null
                ? "for authority " + role.authorityCode()
                : "for authorities of type " + role.authorityType();
        return role.components().isEmpty()
                ? scope
                : scope + ", composed of " + String.join(", ", role.components());
    }

    private static String describe(SodRule rule) {
        String where = rule.subProcessCode() == null
                ? "in every sub-process"
                : "in sub-process " + rule.subProcessCode();
        return "one identity may not hold both " + rule.firstRole() + " and " + rule.secondRole() + " " + where;
    }

    private static <T> Map<String, T> byCode(List<T> items, Function<T, String> code) {
        Map<String, T> map = new LinkedHashMap<>();
        items.stream().sorted(Comparator.comparing(code)).forEach(item -> map.put(code.apply(item), item));
        return map;
    }

    private static Map<String, SodRule> bySodPair(List<SodRule> rules) {
        return byCode(rules, rule -> rule.firstRole() + "/" + rule.secondRole());
    }
}
