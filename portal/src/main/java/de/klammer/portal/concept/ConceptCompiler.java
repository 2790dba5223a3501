package de.klammer.portal.concept;

import de.klammer.ledger.PolicyRule;
import de.klammer.ledger.PolicyRule.Gate;
import de.klammer.ledger.PolicyRule.NOutOf;
import de.klammer.ledger.PolicyRule.OuPrincipal;
import de.klammer.ledger.PolicyRule.RolePrincipal;
import de.klammer.ledger.PolicyRule.SignedBy;
import de.klammer.portal.concept.CompiledConcept.CompiledAcl;
import de.klammer.portal.concept.CompiledConcept.CompiledPolicy;
import de.klammer.portal.concept.CompiledConcept.RoleEnrollment;
import de.klammer.portal.concept.ConceptModel.AuthorityEntry;
import de.klammer.portal.concept.ConceptModel.Right;
import de.klammer.portal.concept.ConceptModel.Role;
import de.klammer.portal.concept.ConceptModel.StatusType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;

/**
 * Compiles a concept version into Fabric artefacts, without touching the ledger: CA attributes and OU per role, one
 * signature policy per status type and action, and the channel ACLs of the peer resources.
 *
 * <p>By default a policy lists the organisations of which at least one applicable role holds the right, as {@code
 * <MSP>.member}, so every member of such an organisation passes. With role principals switched on, a policy lists one
 * organisational-unit principal {@code <MSP>.OU(<role code>)} per authority and role holding the right, so the peers
 * tell roles apart. That needs identities whose certificates carry the role code as an OU, which Fabric CA writes
 * when the identity is registered under the affiliation {@code <authority affiliation>.<role code>}.
 */
public final class ConceptCompiler {

    /** Prefix of the policies per status type and action, for example {@code Rights.registered.Read}. */
    public static final String POLICY_PREFIX = "Rights.";

    /** Prefix of the policies over all status types, for example {@code RightsAny.Read}. */
    public static final String ANY_STATUS_POLICY_PREFIX = "RightsAny.";

    /** CA attribute that carries the role code. */
    public static final String ROLE_ATTRIBUTE = "klammer.role";

    /** CA attribute that carries the role's effective rights as {@code status:action}, comma-separated and sorted. */
    public static final String RIGHTS_ATTRIBUTE = "klammer.rights";

    /** Peer resources that deliver or query ledger data, guarded by the read policy over all status types. */
    static final List<String> READ_RESOURCES = List.of(
            "qscc/GetChainInfo",
            "qscc/GetBlockByNumber",
            "qscc/GetBlockByHash",
            "qscc/GetTransactionByID",
            "qscc/GetBlockByTxID",
            "event/Block",
            "event/FilteredBlock");

    /** Peer resources that lead to new transactions, guarded by the write policy over all status types. */
    static final List<String> WRITE_RESOURCES = List.of("peer/Propose", "peer/ChaincodeToChaincode");

    private static final String APPLICATION = "/Channel/Application/";

    private final String operatorMspId;
    private final boolean rolePrincipals;

    /**
     * Creates a compiler.
     *
     * @param operatorMspId MSP of the network operator; a right that nobody holds compiles to a policy that only the
     *     operator's admins satisfy, because Fabric configuration must not contain a policy nobody can satisfy
     */
    public ConceptCompiler(String operatorMspId) {
        this(operatorMspId, false);
    }

    /**
     * Creates a compiler.
     *
     * @param operatorMspId MSP of the network operator, as for {@link #ConceptCompiler(String)}
     * @param rolePrincipals whether policies name {@code <MSP>.OU(<role code>)} per role holding a right instead of
     *     {@code <MSP>.member} per authority
     */
    public ConceptCompiler(String operatorMspId, boolean rolePrincipals) {
        this.operatorMspId = Objects.requireNonNull(operatorMspId, "operatorMspId must not be null");
        this.rolePrincipals = rolePrincipals;
    }

    /**
     * Compiles the concept for a channel with these organisations.
     *
     * @param channelMspIds MSP IDs of the organisations on the channel; rights of other authorities are left out and
     *     reported in {@link CompiledConcept#uncoveredAuthorities()}
     * @throws ConceptRuleViolationException when the roles have a cycle or a right names an unknown role or status
     *     type
     */
    public CompiledConcept compile(ConceptModel model, Set<String> channelMspIds) {
        RoleGraph graph = RoleGraph.of(model.roles());
        requireKnownReferences(model, graph);
        Map<String, SortedSet<String>> rightsByRole = effectiveRights(model, graph);

        List<RoleEnrollment> enrollments = model.roles().stream()
                .map(role -> enrollment(role, rightsByRole.get(role.code())))
                .toList();
        Map<String, Set<Holder>> holdersByRight = new HashMap<>();
        List<String> uncovered = new ArrayList<>();
        for (AuthorityEntry authority : model.authorities()) {
            Set<String> held = rightsOf(authority, model.roles(), rightsByRole);
            if (!channelMspIds.contains(authority.mspId())) {
                if (!held.isEmpty()) {
                    uncovered.add(authority.code());
                }
                continue;
            }
            for (Role role : model.roles()) {
                if (role.appliesTo(authority)) {
                    rightsByRole.get(role.code()).forEach(right -> holdersByRight
                            .computeIfAbsent(right, key -> new TreeSet<>())
                            .add(new Holder(authority.mspId(), role.code())));
                }
            }
        }
        List<CompiledPolicy> policies = policies(model.statusTypes(), holdersByRight);
        return new CompiledConcept(enrollments, policies, acls(), uncovered);
    }

    /** Returns the policy name for a status type and action, for example {@code Rights.hearing-held.Write}. */
    public static String policyName(String statusTypeCode, Action action) {
        return POLICY_PREFIX + statusTypeCode + "." + actionName(action);
    }

    /** Returns the policy name over all status types for an action, for example {@code RightsAny.Read}. */
    public static String anyStatusPolicyName(Action action) {
        return ANY_STATUS_POLICY_PREFIX + actionName(action);
    }

    private static String actionName(Action action) {
        return action == Action.READ ? "Read" : "Write";
    }

    private static void requireKnownReferences(ConceptModel model, RoleGraph graph) {
        Set<String> statusTypes =
                model.statusTypes().stream().map(StatusType::code).collect(Collectors.toSet());
        for (Right right : model.rights()) {
            if (!graph.contains(right.roleCode())) {
                throw new ConceptRuleViolationException("A right names the unknown role " + right.roleCode()
                        + "; define the role or remove the right");
            }
            if (!statusTypes.contains(right.statusTypeCode())) {
                throw new ConceptRuleViolationException("A right of role " + right.roleCode()
                        + " names the unknown status type " + right.statusTypeCode()
                        + "; define the status type or remove the right");
            }
        }
    }

    /** Returns per role the sorted {@code status:action} keys of its own rights and those of its components. */
    static Map<String, SortedSet<String>> effectiveRights(ConceptModel model, RoleGraph graph) {
        Map<String, Set<String>> ownRights = new HashMap<>();
        for (Right right : model.rights()) {
            ownRights.computeIfAbsent(right.roleCode(), code -> new HashSet<>()).add(key(right));
        }
        Map<String, SortedSet<String>> result = new LinkedHashMap<>();
        for (Role role : model.roles()) {
            SortedSet<String> rights = new TreeSet<>();
            graph.closure(role.code()).forEach(code -> rights.addAll(ownRights.getOrDefault(code, Set.of())));
            result.put(role.code(), rights);
        }
        return result;
    }

    private static String key(Right right) {
        return right.statusTypeCode() + ":" + right.action().code();
    }

    private static RoleEnrollment enrollment(Role role, SortedSet<String> rights) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put(ROLE_ATTRIBUTE, role.code());
        attributes.put(RIGHTS_ATTRIBUTE, String.join(",", rights));
        return new RoleEnrollment(role.code(), role.code(), attributes);
    }

    private static Set<String> rightsOf(
            AuthorityEntry authority, List<Role> roles, Map<String, SortedSet<String>> rightsByRole) {
        Set<String> held = new HashSet<>();
        for (Role role : roles) {
            if (role.appliesTo(authority)) {
                held.addAll(rightsByRole.get(role.code()));
            }
        }
        return held;
    }

    /** An authority's MSP and one of its roles that holds a right. */
    private record Holder(String mspId, String roleCode) implements Comparable<Holder> {

        @Override
        public int compareTo(Holder other) {
            int byMsp = mspId.compareTo(other.mspId);
            return byMsp != 0 ? byMsp : roleCode.compareTo(other.roleCode);
        }
    }

    private List<CompiledPolicy> policies(List<StatusType> statusTypes, Map<String, Set<Holder>> holdersByRight) {
        List<CompiledPolicy> policies = new ArrayList<>();
        Map<Action, SortedSet<Holder>> anyHolders = new LinkedHashMap<>();
        for (Action action : Action.values()) {
            anyHolders.put(action, new TreeSet<>());
        }
        for (StatusType statusType : statusTypes) {
            for (Action action : Action.values()) {
                Set<Holder> holders = holdersByRight.getOrDefault(statusType.code() + ":" + action.code(), Set.of());
                anyHolders.get(action).addAll(holders);
                policies.add(policy(policyName(statusType.code(), action), statusType.code(), action, holders));
            }
        }
        for (Action action : Action.values()) {
            policies.add(policy(anyStatusPolicyName(action), null, action, anyHolders.get(action)));
        }
        return policies;
    }

    private CompiledPolicy policy(String name, @Nullable String statusType, Action action,
            Set<Holder> holders) {
        SortedSet<String> distinctMspIds =
                holders.stream().map(Holder::mspId).collect(Collectors.toCollection(TreeSet::new));
        List<String> mspIds = List.copyOf(distinctMspIds);
        return new CompiledPolicy(name, APPLICATION + name, statusType, action, mspIds,
                rule(mspIds, new TreeSet<>(holders)));
    }

    /**
     * Builds {@code OR('<MSP>.member', ...)}, or {@code OR('<MSP>.OU(<role>)', ...)} with role principals, or {@code
     * OR('<operator>.admin')} when nobody holds the right.
     */
    private PolicyRule rule(List<String> mspIds, SortedSet<Holder> holders) {
        List<PolicyRule.Principal> principals;
        if (mspIds.isEmpty()) {
            principals = List.of(new RolePrincipal(operatorMspId, PolicyRule.Role.ADMIN));
        } else if (rolePrincipals) {
            principals = holders.stream()
                    .<PolicyRule.Principal>map(holder -> new OuPrincipal(holder.mspId(), holder.roleCode()))
                    .toList();
        } else {
            principals = mspIds.stream()
                    .<PolicyRule.Principal>map(mspId -> new RolePrincipal(mspId, PolicyRule.Role.MEMBER))
                    .toList();
        }
        List<Gate> gates = IntStream.range(0, principals.size()).<Gate>mapToObj(SignedBy::new).toList();
        return new PolicyRule.Signature(new NOutOf(1, gates), principals);
    }

    private static List<CompiledAcl> acls() {
        List<CompiledAcl> acls = new ArrayList<>();
        READ_RESOURCES.forEach(resource -> acls.add(new CompiledAcl(resource, anyStatusPolicyName(Action.READ))));
        WRITE_RESOURCES.forEach(resource -> acls.add(new CompiledAcl(resource, anyStatusPolicyName(Action.WRITE))));
        return acls;
    }
}
