package de.klammer.portal.concept;

import de.klammer.portal.audit.AuditEntry;
import de.klammer.portal.audit.AuditService;
import de.klammer.portal.concept.ConceptActors.Actor;
import de.klammer.portal.concept.ConceptDrift.DriftFinding;
import de.klammer.portal.concept.ConceptPlan.ElementDifference;
import de.klammer.portal.concept.internal.ConceptStore;
import de.klammer.portal.concept.internal.DriftStore;
import de.klammer.portal.governance.ProposalDetails;
import de.klammer.portal.governance.ProposalService;
import de.klammer.portal.governance.ProposalSummary;
import de.klammer.portal.governance.ProposalTexts;
import de.klammer.portal.shell.PortalProperties;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Compares the applied concept version, compiled, with the live channel config, and keeps every difference as a
 * finding. A change made outside Klammer, for example with Fabric's CLI, shows up element by element. Each new
 * finding is audited once, and a board member can propose the applied version's policies and ACLs again to reconcile.
 */
@Service
@Transactional
public class ConceptDriftService {

    private static final Logger log = LoggerFactory.getLogger(ConceptDriftService.class);
    private static final String SYSTEM_ACTOR = "system:concept-drift";

    private final ConceptStore store;
    private final DriftStore drift;
    private final ConceptPlanService plans;
    private final ProposalService proposals;
    private final ConceptActors actors;
    private final AuditService audit;
    private final String channel;

    ConceptDriftService(
            ConceptStore store,
            DriftStore drift,
            ConceptPlanService plans,
            ProposalService proposals,
            ConceptActors actors,
            AuditService audit,
            PortalProperties portal) {
        this.store = store;
        this.drift = drift;
        this.plans = plans;
        this.proposals = proposals;
        this.actors = actors;
        this.audit = audit;
        this.channel = portal.channel();
    }

    /**
     * Runs drift detection now for the signed-in user.
     *
     * @throws de.klammer.portal.ledger.LedgerUnavailableException when the orderer cannot be reached
     */
    @PreAuthorize("hasAnyRole('BOARD_MEMBER', 'AUTHORITY_ADMIN', 'DPO', 'AUDITOR')")
    public ConceptDrift detectNow() {
        return detect();
    }

    /**
     * Runs drift detection without a role check, for the schedule. It changes only the stored findings and the audit
     * trail, never the ledger.
     */
    public ConceptDrift detect() {
        Instant now = Instant.now();
        Optional<ConceptVersion> applied = store.newestApplied();
        if (applied.isEmpty()) {
            return new ConceptDrift(null, 0, channel, now, List.of(), 0);
        }
        ConceptVersion version = applied.get();
        drift.resolveOtherVersions(version.id());
        List<ElementDifference> differences = plans.compare(version.id()).elements();

        int added = 0;
        for (ElementDifference difference : differences) {
            Optional<DriftFinding> existing =
                    drift.findOpen(version.id(), difference.path(), difference.expected(), difference.found());
            if (existing.isPresent()) {
                drift.touch(existing.get().id());
                continue;
            }
            if (!drift.insert(version.id(), difference.path(), difference.expected(), difference.found())) {
                continue;
            }
            added++;
            record(version, "concept.drift.found", difference.path() + ": expected " + difference.expected()
                    + ", found " + describeFound(difference.found()));
            log.atWarn()
                    .addKeyValue("version", version.number())
                    .addKeyValue("element", difference.path())
                    .log("Channel config differs from the applied concept");
        }
        List<DriftFinding> open = drift.open(version.id());
        for (DriftFinding finding : open) {
            boolean stillThere = differences.stream().anyMatch(difference -> matches(finding, difference));
            if (!stillThere) {
                drift.resolve(finding.id());
                record(version, "concept.drift.resolved", finding.path() + " again matches " + finding.expected());
            }
        }
        List<DriftFinding> current = drift.open(version.id());
        return new ConceptDrift(version.id(), version.number(), channel, now, current, added);
    }

    /** Returns the open findings as the last detection run left them, without reading the channel. */
    @PreAuthorize("hasAnyRole('BOARD_MEMBER', 'AUTHORITY_ADMIN', 'DPO', 'AUDITOR')")
    @Transactional(readOnly = true)
    public List<DriftFinding> openFindings() {
        return store.newestApplied().map(version -> drift.open(version.id())).orElse(List.of());
    }

    /**
     * Opens a proposal that sets every drifted policy and ACL back to the applied version, through the same vote and
     * signature collection as applying a version.
     *
     * @throws ConceptRuleViolationException when no version is applied, the channel shows no drift, or a
     *     reconciliation is already under vote
     */
    @PreAuthorize("hasRole('BOARD_MEMBER')")
    public ProposalDetails proposeReconciliation(ProposalTexts texts) {
        Actor actor = actors.current();
        ConceptVersion version = store.newestApplied()
                .orElseThrow(() -> new ConceptRuleViolationException(
                        "No concept version is applied yet, so there is nothing to reconcile; apply a version first"));
        Optional<ProposalSummary> pending = store.proposalOf(version.id()).flatMap(proposals::findSummary);
        if (pending.isPresent() && ConceptApplyService.isUndecided(pending.get().status())) {
            throw new ConceptRuleViolationException("Proposal " + pending.get().reference()
                    + " already reconciles version " + version.number() + "; vote on it instead");
        }
        ConceptPlan plan = plans.compare(version.id());
        if (plan.isUpToDate()) {
            throw new ConceptRuleViolationException("Channel " + plan.channel()
                    + " shows no drift from version " + version.number() + "; there is nothing to reconcile");
        }
        List<String> lines = plan.elements().stream()
                .map(difference -> "Reconcile " + difference.path() + ": set it back from "
                        + describeFound(difference.found()) + " to " + difference.expected())
                .toList();
        ProposalDetails proposal =
                proposals.proposeConceptVersion(texts, version.number(), lines, plan.configChanges());
        store.linkProposal(version.id(), proposal.id());
        audit.record(new AuditEntry(actor.pseudonym(), actor.authorityCode(), "concept.drift.reconciliation-proposed",
                "concept-version", version.id().toString(), "Version " + version.number() + ": proposal "
                        + proposal.reference() + " with " + lines.size() + " config changes"));
        return proposal;
    }

    private static boolean matches(DriftFinding finding, ElementDifference difference) {
        return finding.path().equals(difference.path())
                && finding.expected().equals(difference.expected())
                && Objects.equals(finding.found(), difference.found());
    }

    private static String describeFound(@Nullable String found) {
        return found == null ? "nothing (missing on the channel)" : found;
    }

    private void record(ConceptVersion version, String action, String details) {
        audit.record(new AuditEntry(SYSTEM_ACTOR, null, action, "concept-version", version.id().toString(),
                "Version " + version.number() + ": " + details));
    }
}
