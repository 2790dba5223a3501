package de.klammer.portal.governance;

import de.klammer.portal.audit.AuditEntry;
import de.klammer.portal.audit.AuditService;
import de.klammer.portal.authority.Authority;
import de.klammer.portal.authority.AuthorityService;
import de.klammer.portal.authority.BoardMemberService;
import de.klammer.portal.governance.VoteCounting.CastVote;
import de.klammer.portal.governance.internal.LedgerSubmission;
import de.klammer.portal.governance.internal.LedgerSubmissionRepository;
import de.klammer.portal.governance.internal.Proposal;
import de.klammer.portal.governance.internal.ProposalSignatures;
import de.klammer.portal.governance.internal.RuleChange;
import de.klammer.portal.governance.internal.RuleChangeRepository;
import de.klammer.portal.governance.internal.VoteRepository;
import de.klammer.portal.ledger.LedgerGateway;
import de.klammer.portal.ledger.PreparedUpdate;
import de.klammer.portal.ledger.SignatureCheck;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Decides an open proposal from its votes and, for a ledger change, its signatures. A ledger change is approved only
 * when its decision rule has passed AND the ledger's signature requirement is met. A rule change applies in the
 * database instead. Callers hold the proposal's row lock and run inside its transaction, so the events published here
 * commit or roll back with the decision.
 */
@Component
class ProposalDecisions {

    private static final Logger log = LoggerFactory.getLogger(ProposalDecisions.class);

    private final VoteRepository votes;
    private final LedgerSubmissionRepository submissions;
    private final RuleChangeRepository ruleChanges;
    private final DecisionRuleService rules;
    private final LedgerGateway ledger;
    private final AuthorityService authorities;
    private final BoardMemberService boardMembers;
    private final ProposalReadModels readModels;
    private final ProposalSignatures signatures;
    private final AuditService audit;
    private final ApplicationEventPublisher events;

    ProposalDecisions(
            VoteRepository votes,
            LedgerSubmissionRepository submissions,
            RuleChangeRepository ruleChanges,
            DecisionRuleService rules,
            LedgerGateway ledger,
            AuthorityService authorities,
            BoardMemberService boardMembers,
            ProposalReadModels readModels,
            ProposalSignatures signatures,
            AuditService audit,
            ApplicationEventPublisher events) {
        this.votes = votes;
        this.submissions = submissions;
        this.ruleChanges = ruleChanges;
        this.rules = rules;
        this.ledger = ledger;
        this.authorities = authorities;
        this.boardMembers = boardMembers;
        this.readModels = readModels;
        this.signatures = signatures;
        this.audit = audit;
        this.events = events;
    }

    /**
     * The actor of a step, for the audit trail.
     *
     * @param pseudonym pseudonym of a person, or a system name such as {@code system:proposal-deadlines}
     * @param authorityCode code of the person's authority; null for system actors
     */
    record AuditActor(String pseudonym, @Nullable String authorityCode) {}

    /** Counts the proposal's votes in the units of its rule. */
    Tally tally(Proposal proposal) {
        List<CastVote> cast = votes.findByProposalIdOrderByCastAtAsc(proposal.id()).stream()
                .map(vote -> new CastVote(vote.authorityId(), vote.choice()))
                .toList();
        Map<java.util.UUID, Integer> members = new LinkedHashMap<>();
        // Only active authorities vote: votes of an archived or proposed authority's members do not count.
        for (Authority authority : authorities.findActive()) {
            members.put(authority.id(), Math.toIntExact(boardMembers.countByAuthority(authority.id())));
        }
        return VoteCounting.count(proposal.rule().counting(), cast, members);
    }

    /**
     * Judges the votes and moves the proposal on: rejected, expired, approved with a queued submission, applied (rule
     * changes), stale, or still open.
     *
     * @param signed whether the step that led here added an authority signature
     */
    ApprovalOutcome decide(Proposal proposal, AuditActor actor, boolean signed, Instant now) {
        if (proposal.status() != ProposalStatus.OPEN) {
            return new ApprovalOutcome(proposal.status(), signed, proposal.missingSignatures());
        }
        Tally tally = tally(proposal);
        boolean deadlinePassed = proposal.isPastDeadline(now);
        Verdict verdict = proposal.rule().judge(tally, deadlinePassed);
        audit(actor, "proposal.votes-counted", proposal, describe(tally) + "; verdict " + verdict.name().toLowerCase(java.util.Locale.ROOT));
        return switch (verdict) {
            case REJECTED -> reject(proposal, actor, tally, signed);
            case EXPIRED -> expire(proposal, actor, "the voting deadline passed without the rule being met: "
                    + describe(tally), signed);
            case PENDING -> pending(proposal, actor, signed);
            case PASSED -> proposal.isRuleChange()
                    ? applyRuleChange(proposal, actor, signed)
                    : passed(proposal, actor, signed, deadlinePassed);
        };
    }

    /** Returns the tally in one plain line, for example {@code 2 of 2 entitled voted: 2 yes, 0 no, 0 abstain}. */
    static String describe(Tally tally) {
        return tally.cast() + " of " + tally.electorate() + " entitled voted: " + tally.yes() + " yes, " + tally.no()
                + " no, " + tally.abstain() + " abstain" + (tally.vetoes() > 0 ? ", " + tally.vetoes() + " veto" : "");
    }

    private ApprovalOutcome pending(Proposal proposal, AuditActor actor, boolean signed) {
        if (signed && !proposal.isRuleChange()) {
            SignatureCheck check = evaluateSignatures(proposal, actor);
            return new ApprovalOutcome(proposal.status(), true, check.missing());
        }
        return new ApprovalOutcome(proposal.status(), signed, proposal.missingSignatures());
    }

    private ApprovalOutcome passed(Proposal proposal, AuditActor actor, boolean signed, boolean deadlinePassed) {
        SignatureCheck check = evaluateSignatures(proposal, actor);
        if (!check.satisfied()) {
            if (deadlinePassed) {
                return expire(proposal, actor, "the rule was met but the ledger still misses signatures: "
                        + String.join("; ", check.missing()), signed);
            }
            return new ApprovalOutcome(proposal.status(), signed, check.missing());
        }

        PreparedUpdate update = proposal.preparedUpdate();
        if (ledger.isStale(update)) {
            proposal.markStale();
            audit(actor, "proposal.stale", proposal, "the channel config moved on since base sequence "
                    + update.baseSequence() + "; recompute to collect signatures again");
            return new ApprovalOutcome(proposal.status(), signed, List.of());
        }
        proposal.markApproved();
        LedgerSubmission submission = submissions.save(LedgerSubmission.pending(proposal.id()));
        events.publishEvent(new ProposalApproved(proposal.id(), proposal.reference(), submission.id()));
        audit(actor, "ledger-submission.queued", proposal, "submission " + submission.id() + " pending");
        log.atInfo()
                .addKeyValue("proposal", proposal.reference())
                .addKeyValue("submission", submission.id())
                .log("Proposal approved; queued ledger submission");
        return new ApprovalOutcome(proposal.status(), signed, List.of());
    }

    private SignatureCheck evaluateSignatures(Proposal proposal, AuditActor actor) {
        SignatureCheck check = ledger.evaluate(
                proposal.preparedUpdate(), signatures.of(proposal.id(), proposal.preparedUpdate().sha256()));
        proposal.recordMissingSignatures(check.missing());
        audit(actor, "proposal.signatures-evaluated", proposal, check.satisfied()
                ? "satisfied by " + String.join(", ", check.countedMspIds())
                : "missing: " + String.join("; ", check.missing()));
        return check;
    }

    private ApprovalOutcome applyRuleChange(Proposal proposal, AuditActor actor, boolean signed) {
        RuleChange change = ruleChanges.findById(proposal.id())
                .orElseThrow(() -> new IllegalStateException("Rule change " + proposal.reference() + " has no rule"));
        DecisionRule newRule = change.rule();
        proposal.markApproved();
        try {
            // The ledger may have changed since the rule was proposed, so check again before it takes effect.
            rules.requireAtLeastAsStrictAsLedger(newRule);
        } catch (RuleWeakerThanLedgerException e) {
            proposal.markFailed(e.getMessage());
            audit(actor, "proposal.failed", proposal, e.getMessage());
            publishDecided(proposal);
            return new ApprovalOutcome(proposal.status(), signed, List.of());
        }
        rules.replace(newRule, proposal.reference());
        proposal.markRuleApplied();
        audit(actor, "decision-rule.changed", proposal, newRule.changeType().databaseValue() + " now "
                + proposal.change().policyText());
        publishDecided(proposal);
        log.atInfo()
                .addKeyValue("proposal", proposal.reference())
                .addKeyValue("changeType", newRule.changeType().databaseValue())
                .log("Applied decision rule change");
        return new ApprovalOutcome(proposal.status(), signed, List.of());
    }

    private ApprovalOutcome reject(Proposal proposal, AuditActor actor, Tally tally, boolean signed) {
        proposal.markRejected();
        audit(actor, "proposal.rejected", proposal, tally.vetoes() > 0 ? "vetoed; " + describe(tally) : describe(tally));
        publishDecided(proposal);
        log.atInfo().addKeyValue("proposal", proposal.reference()).log("Proposal rejected");
        return new ApprovalOutcome(proposal.status(), signed, proposal.missingSignatures());
    }

    /** Expires the proposal with the reason; used by votes after the deadline and by the deadline job. */
    ApprovalOutcome expire(Proposal proposal, AuditActor actor, String reason, boolean signed) {
        proposal.markExpired(reason);
        audit(actor, "proposal.expired", proposal, reason);
        publishDecided(proposal);
        log.atInfo().addKeyValue("proposal", proposal.reference()).log("Proposal expired");
        return new ApprovalOutcome(proposal.status(), signed, proposal.missingSignatures());
    }

    private void publishDecided(Proposal proposal) {
        events.publishEvent(
                new ProposalDecided(proposal.id(), proposal.reference(), proposal.title(), proposal.status()));
    }

    private void audit(AuditActor actor, String action, Proposal proposal, String details) {
        audit.record(new AuditEntry(
                actor.pseudonym(), actor.authorityCode(), action, "proposal", proposal.reference(), details));
    }
}
