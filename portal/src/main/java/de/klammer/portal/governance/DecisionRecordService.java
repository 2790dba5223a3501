package de.klammer.portal.governance;

import de.klammer.portal.governance.internal.Proposal;
import de.klammer.portal.governance.internal.ProposalRepository;
import de.klammer.portal.governance.internal.RuleTexts;
import de.klammer.portal.security.CurrentUser;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Builds decision records of proposals and exports them as PDF or CSV, one proposal at a time or as the minutes of a
 * period. Only board members and auditors may read them.
 */
@Service
@Transactional(readOnly = true)
public class DecisionRecordService {

    /** Time zone of the dates in records and of the period bounds of minutes: the authorities' local time. */
    public static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    /** Maximum length of the period of minutes, in days. */
    static final int MAX_MINUTES_DAYS = 366;

    private final ProposalRepository proposals;
    private final ProposalReadModels readModels;
    private final DecisionRecordPdf pdf;
    private final DecisionRecordCsv csv;
    private final CurrentUser currentUser;

    DecisionRecordService(
            ProposalRepository proposals,
            ProposalReadModels readModels,
            DecisionRecordPdf pdf,
            DecisionRecordCsv csv,
            CurrentUser currentUser) {
        this.proposals = proposals;
        this.readModels = readModels;
        this.pdf = pdf;
        this.csv = csv;
        this.currentUser = currentUser;
    }

    /**
     * Returns the decision record of one proposal.
     *
     * @throws ProposalNotFoundException when no proposal has the id
     */
    @PreAuthorize("hasAnyRole('BOARD_MEMBER', 'AUDITOR')")
    public DecisionRecord record(UUID proposalId) {
        Proposal proposal = proposals.findById(proposalId).orElseThrow(() -> new ProposalNotFoundException(proposalId));
        return toRecord(proposal);
    }

    /**
     * Returns the records of proposals decided from {@code from} to {@code to}, both inclusive, in {@link #ZONE},
     * oldest decision first.
     *
     * @throws IllegalArgumentException when {@code to} is before {@code from} or the period exceeds 366 days
     */
    @PreAuthorize("hasAnyRole('BOARD_MEMBER', 'AUDITOR')")
    public List<DecisionRecord> minutes(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("The period ends (" + to + ") before it starts (" + from
                    + "); swap the dates");
        }
        if (from.plusDays(MAX_MINUTES_DAYS).isBefore(to)) {
            throw new IllegalArgumentException("The period from " + from + " to " + to + " is longer than "
                    + MAX_MINUTES_DAYS + " days; export it in parts");
        }
        return proposals
                .findByDecidedAtGreaterThanEqualAndDecidedAtLessThanOrderByDecidedAtAsc(
                        from.atStartOfDay(ZONE).toInstant(), to.plusDays(1).atStartOfDay(ZONE).toInstant())
                .stream()
                .map(this::toRecord)
                .toList();
    }

    /** Returns the decision record of one proposal as PDF, labelled in the user's language. */
    @PreAuthorize("hasAnyRole('BOARD_MEMBER', 'AUDITOR')")
    public byte[] recordPdf(UUID proposalId, Locale locale) {
        DecisionRecord record = record(proposalId);
        return pdf.render(List.of(record), record.reference() + " – " + record.subject(), locale);
    }

    /** Returns the decision record of one proposal as CSV, one row per vote. */
    @PreAuthorize("hasAnyRole('BOARD_MEMBER', 'AUDITOR')")
    public byte[] recordCsv(UUID proposalId) {
        return csv.render(List.of(record(proposalId)));
    }

    /** Returns the minutes of a period as PDF; see {@link #minutes}. */
    @PreAuthorize("hasAnyRole('BOARD_MEMBER', 'AUDITOR')")
    public byte[] minutesPdf(LocalDate from, LocalDate to, Locale locale) {
        return pdf.render(minutes(from, to), from + " – " + to, locale);
    }

    /** Returns the minutes of a period as CSV; see {@link #minutes}. */
    @PreAuthorize("hasAnyRole('BOARD_MEMBER', 'AUDITOR')")
    public byte[] minutesCsv(LocalDate from, LocalDate to) {
        return csv.render(minutes(from, to));
    }

    private DecisionRecord toRecord(Proposal proposal) {
        ProposalDetails details = readModels.details(proposal, currentUser.require());
        ProposalDetails.Governance governance = details.governance();
        String change = proposal.isRuleChange()
                ? proposal.change().path() + ": " + proposal.change().policyText()
                : proposal.change().path() + " -> " + proposal.change().policyText();
        return new DecisionRecord(
                proposal.reference(),
                proposal.title(),
                proposal.changeType(),
                change,
                proposal.legalBasis(),
                proposal.rationale(),
                RuleTexts.describe(governance.rule()),
                proposal.status(),
                details.proposerPseudonym(),
                details.proposerAuthorityCode(),
                proposal.createdAt(),
                proposal.votingDeadline(),
                proposal.decidedAt(),
                governance.votes(),
                governance.count().tally(),
                proposal.configUpdateSha256(),
                proposal.appliedBlock(),
                proposal.appliedSequence(),
                proposal.failureReason());
    }
}
