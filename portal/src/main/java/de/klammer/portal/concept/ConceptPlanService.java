package de.klammer.portal.concept;

import de.klammer.ledger.AclResources;
import de.klammer.ledger.ConfigChange;
import de.klammer.ledger.ConfigChange.SetAcl;
import de.klammer.ledger.ConfigChange.SetPolicy;
import de.klammer.ledger.PolicyRule;
import de.klammer.portal.concept.CompiledConcept.CompiledAcl;
import de.klammer.portal.concept.CompiledConcept.CompiledPolicy;
import de.klammer.portal.concept.ConceptPlan.ElementDifference;
import de.klammer.portal.concept.internal.ConceptStore;
import de.klammer.portal.ledger.ChannelView;
import de.klammer.portal.ledger.LedgerGateway;
import de.klammer.portal.ledger.OrganizationView;
import de.klammer.portal.ledger.PolicyView;
import de.klammer.portal.ledger.PreparedUpdate;
import de.klammer.portal.shell.PortalProperties;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Compiles a concept version and compares it with the live channel: the plan names every policy and ACL that would
 * change, in plain words and as the write set of one config update. It changes nothing on the ledger.
 */
@Service
public class ConceptPlanService {

    private static final String APPLICATION = "/Channel/Application/";
    /** Prefix of an ACL's path in {@link ElementDifference#path()}, followed by the peer resource. */
    public static final String ACL_PATH_PREFIX = "acl:";

    private final ConceptStore store;
    private final LedgerGateway ledger;
    private final String channel;
    private final ConceptCompiler compiler;

    ConceptPlanService(
            ConceptStore store, LedgerGateway ledger, PortalProperties portal, ConceptProperties properties) {
        this.store = store;
        this.ledger = ledger;
        this.channel = portal.channel();
        this.compiler = new ConceptCompiler(properties.operatorMspId(), properties.rolePrincipals());
    }

    /**
     * Computes the plan of a version against the live channel.
     *
     * @throws ConceptRuleViolationException when the version does not exist or does not compile
     * @throws de.klammer.portal.ledger.ChangeRejectedException when ledger-admin rejects the resulting update
     * @throws de.klammer.portal.ledger.LedgerUnavailableException when the orderer cannot be reached
     */
    @PreAuthorize("hasAnyRole('BOARD_MEMBER', 'AUTHORITY_ADMIN', 'DPO', 'AUDITOR')")
    @Transactional(readOnly = true)
    public ConceptPlan plan(UUID versionId) {
        return compare(versionId);
    }

    /**
     * Computes the plan of a version without a role check, for drift detection, which runs on a schedule without a
     * signed-in user. It reads only and changes nothing.
     *
     * @throws ConceptRuleViolationException when the version does not exist or does not compile
     */
    @Transactional(readOnly = true)
    public ConceptPlan compare(UUID versionId) {
        ConceptVersion version = store.version(versionId)
                .orElseThrow(() -> new ConceptRuleViolationException("Concept version " + versionId
                        + " does not exist"));
        ConceptModel model = store.load(versionId);
        ChannelView live = ledger.readChannel(channel);
        Set<String> mspIds = live.organizations().stream()
                .map(OrganizationView::mspId)
                .collect(Collectors.toSet());
        CompiledConcept compiled = compiler.compile(model, mspIds);
        Map<String, PolicyView> livePolicies =
                live.policies().stream().collect(Collectors.toMap(PolicyView::path, Function.identity()));
        Map<String, String> liveAcls = ledger.readAcls(channel);

        List<ElementDifference> elements = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        for (CompiledPolicy policy : compiled.policies()) {
            PolicyView existing = livePolicies.get(policy.path());
            if (existing == null || !existing.text().equals(policy.rule().text())) {
                elements.add(new ElementDifference(policy.path(), policy.rule().text(),
                        existing == null ? null : existing.text(), new SetPolicy(policy.path(), policy.rule())));
                lines.add(describe(policy, existing));
            }
        }
        for (CompiledAcl acl : compiled.acls()) {
            String target = APPLICATION + acl.policyName();
            String current = liveAcls.get(acl.resource());
            if (!target.equals(current)) {
                elements.add(new ElementDifference(ACL_PATH_PREFIX + acl.resource(), target, current,
                        new SetAcl(acl.resource(), acl.policyName())));
                lines.add(describe(acl, current));
            }
        }
        int unchanged = compiled.policies().size() + compiled.acls().size() - elements.size();
        List<ConfigChange> changes = elements.stream().map(ElementDifference::change).toList();
        PreparedUpdate update = changes.isEmpty() ? null : ledger.prepareChanges(channel, changes);
        return new ConceptPlan(versionId, version.number(), channel, live.sequence(), lines, unchanged,
                leftOnChannel(compiled, live), compiled.uncoveredAuthorities(), compiled.enrollments(), update,
                elements);
    }

    private static String describe(CompiledPolicy policy, @Nullable PolicyView existing) {
        String holders = holders(policy);
        String permission = policy.statusTypeCode() == null
                ? policy.action().code() + " any status type"
                : policy.action().code() + " status type " + policy.statusTypeCode();
        if (existing == null) {
            return "Create policy " + policy.path() + " = " + policy.rule().text() + " (" + holders + " may " + permission
                    + ")";
        }
        return "Change policy " + policy.path() + " from " + existing.text() + " to " + policy.rule().text() + " ("
                + holders + " may " + permission + ")";
    }

    /** Names who satisfies the policy: the roles per MSP with role principals, otherwise the MSPs' members. */
    private static String holders(CompiledPolicy policy) {
        if (policy.mspIds().isEmpty()) {
            return "nobody holds this right, so only admins of the network operator satisfy it";
        }
        Map<String, List<String>> rolesByMsp = new TreeMap<>();
        if (policy.rule() instanceof PolicyRule.Signature signature) {
            for (PolicyRule.Principal principal : signature.principals()) {
                if (principal instanceof PolicyRule.OuPrincipal unit) {
                    rolesByMsp.computeIfAbsent(unit.mspId(), msp -> new ArrayList<>()).add(unit.organizationalUnit());
                }
            }
        }
        if (rolesByMsp.isEmpty()) {
            return "members of " + String.join(", ", policy.mspIds());
        }
        return rolesByMsp.entrySet().stream()
                .map(entry -> "roles " + String.join(", ", entry.getValue()) + " of " + entry.getKey())
                .collect(Collectors.joining("; "));
    }

    private static String describe(CompiledAcl acl, @Nullable String current) {
        String from = current != null
                ? current
                : AclResources.channelDefaults().getOrDefault(acl.resource(), "none") + " (peer default)";
        return "Point ACL " + acl.resource() + " from " + from + " to " + APPLICATION + acl.policyName();
    }

    private static List<String> leftOnChannel(CompiledConcept compiled, ChannelView live) {
        Set<String> compiledPaths = new HashSet<>();
        compiled.policies().forEach(policy -> compiledPaths.add(policy.path()));
        return live.policies().stream()
                .map(PolicyView::path)
                .filter(path -> path.startsWith(APPLICATION + ConceptCompiler.POLICY_PREFIX)
                        || path.startsWith(APPLICATION + ConceptCompiler.ANY_STATUS_POLICY_PREFIX))
                .filter(path -> !compiledPaths.contains(path))
                .sorted()
                .toList();
    }
}
