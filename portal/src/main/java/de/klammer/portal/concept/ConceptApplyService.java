package de.klammer.portal.concept;

import de.klammer.portal.audit.AuditEntry;
import de.klammer.portal.audit.AuditService;
import de.klammer.portal.concept.ConceptActors.Actor;
import de.klammer.portal.concept.internal.ConceptStore;
import de.klammer.portal.governance.ProposalDecided;
import de.klammer.portal.governance.ProposalDetails;
import de.klammer.portal.governance.ProposalService;
import de.klammer.portal.governance.ProposalStatus;
import de.klammer.portal.governance.ProposalSummary;
import de.klammer.portal.governance.ProposalTexts;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies concept versions through the governance flow. A board member turns the draft into a proposal whose config
 * update is the draft's plan, and the draft becomes the applied version in the transaction that records the proposal
 * as applied on the ledger. A rejected, expired or failed proposal releases the draft for further changes.
 */
@Service
@Transactional
public class ConceptApplyService {

    private static final Logger log = LoggerFactory.getLogger(ConceptApplyService.class);
    private static final String SYSTEM_ACTOR = "system:concept";

    private final ConceptStore store;
    private final ConceptPlanService plans;
    private final ProposalService proposals;
    private final ConceptActors actors;
    private final AuditService audit;

    ConceptApplyService(
            ConceptStore store,
            ConceptPlanService plans,
            ProposalService proposals,
            ConceptActors actors,
            AuditService audit) {
        this.store = store;
        this.plans = plans;
        this.proposals = proposals;
        this.actors = actors;
        this.audit = audit;
    }

    /** Returns whether a proposal in this status may still become applied. */
    static boolean isUndecided(ProposalStatus status) {
        return status == ProposalStatus.DRAFT
                || status == ProposalStatus.OPEN
                || status == ProposalStatus.APPROVED
                || status == ProposalStatus.SUBMITTED;
    }

    /** Returns the readable difference of a version to the current applied version, one line each. */
    @PreAuthorize("hasAnyRole('BOARD_MEMBER', 'AUTHORITY_ADMIN', 'DPO', 'AUDITOR')")
    @Transactional(readOnly = true)
    public List<String> differencesToApplied(UUID versionId) {
        ConceptModel current = store.newestApplied()
                .filter(applied -> !applied.id().equals(versionId))
                .map(applied -> store.load(applied.id()))
                .orElse(null);
        return ConceptDiff.between(current, store.load(versionId));
    }

    /**
     * Opens a proposal that applies the open draft: its config update contains every policy and ACL change of the
     * draft's plan, and the proposal shows the difference to the applied version.
     *
     * @throws ConceptRuleViolationException when no draft is open, the draft is already under vote, or its plan
     *     changes nothing on the channel
     */
    @PreAuthorize("hasRole('BOARD_MEMBER')")
    public ProposalDetails proposeDraft(ProposalTexts texts) {
        Actor actor = actors.current();
        ConceptVersion draft = store.draft()
                .orElseThrow(() -> new ConceptRuleViolationException(
                        "No concept draft is open; change the concept first, which opens a draft"));
        requireNotUnderVote(draft);
        ConceptPlan plan = plans.plan(draft.id());
        if (plan.isUpToDate()) {
            // NOTE: a draft that changes only names or rules the ledger does not enforce cannot be applied this way,
            // because a proposal needs a config update.
            throw new ConceptRuleViolationException("Draft " + draft.number() + " changes no policy or ACL on channel "
                    + plan.channel() + ", so there is no config update to vote on");
        }
        List<String> differences = differencesToApplied(draft.id());
        if (differences.isEmpty()) {
            differences = List.of("No change to the concept; the channel is brought in line with the applied version");
        }
        ProposalDetails proposal =
                proposals.proposeConceptVersion(texts, draft.number(), differences, plan.configChanges());
        store.linkProposal(draft.id(), proposal.id());
        record(actor.pseudonym(), actor.authorityCode(), draft, "concept.version.proposed",
                "proposal " + proposal.reference() + " with " + plan.configChanges().size() + " config changes");
        log.atInfo()
                .addKeyValue("version", draft.number())
                .addKeyValue("proposal", proposal.reference())
                .log("Proposed concept version");
        return proposal;
    }

    /**
     * Marks the draft of an applied proposal as the applied version, or releases a draft whose proposal was rejected,
     * expired or failed. It runs in the transaction that records the decision, so both change together or not at all.
     */
    @EventListener
    void onProposalDecided(ProposalDecided event) {
        Optional<ConceptVersion> linked = store.versionOfProposal(event.proposalId());
        if (linked.isEmpty()) {
            return;
        }
        ConceptVersion version = linked.get();
        if (event.outcome() == ProposalStatus.APPLIED) {
            if (store.markApplied(version.id(), event.reference())) {
                record(SYSTEM_ACTOR, null, version, "concept.version.applied", "applied by proposal "
                        + event.reference());
                log.atInfo()
                        .addKeyValue("version", version.number())
                        .addKeyValue("proposal", event.reference())
                        .log("Concept version applied");
            } else {
                record(SYSTEM_ACTOR, null, version, "concept.version.reconciled", "channel brought in line with the"
                        + " version by proposal " + event.reference());
            }
            return;
        }
        if (version.isDraft()) {
            store.linkProposal(version.id(), null);
            record(SYSTEM_ACTOR, null, version, "concept.version.released", "proposal " + event.reference() + " ended "
                    + event.outcome().databaseValue() + "; the draft can change again");
        }
    }

    private void requireNotUnderVote(ConceptVersion version) {
        Optional<ProposalSummary> proposal = store.proposalOf(version.id()).flatMap(proposals::findSummary);
        if (proposal.isPresent() && isUndecided(proposal.get().status())) {
            throw new ConceptRuleViolationException("Draft " + version.number() + " is already under vote in proposal "
                    + proposal.get().reference());
        }
    }

    private void record(
            String pseudonym, @Nullable String authorityCode, ConceptVersion version, String action, String details) {
        audit.record(new AuditEntry(pseudonym, authorityCode, action, "concept-version", version.id().toString(),
                "Version " + version.number() + ": " + details));
    }
}
