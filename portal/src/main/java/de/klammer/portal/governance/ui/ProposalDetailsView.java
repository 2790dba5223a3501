package de.klammer.portal.governance.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AccessDeniedErrorRouter;
import de.klammer.portal.audit.AuditEvent;
import de.klammer.portal.governance.ApprovalOutcome;
import de.klammer.portal.governance.DecisionRecordService;
import de.klammer.portal.governance.ExternalSignatureService;
import de.klammer.portal.governance.GovernanceRuleViolationException;
import de.klammer.portal.governance.ProposalDetails;
import de.klammer.portal.governance.ProposalDetails.ApprovalDetails;
import de.klammer.portal.governance.ProposalNotFoundException;
import de.klammer.portal.governance.ProposalService;
import de.klammer.portal.governance.ProposalStatus;
import de.klammer.portal.governance.SignatureImportResult;
import de.klammer.portal.governance.VoteChoice;
import de.klammer.portal.ledger.ChangeRejectedException;
import de.klammer.portal.ledger.LedgerUnavailableException;
import de.klammer.portal.security.CurrentUser;
import de.klammer.portal.security.PortalRole;
import de.klammer.portal.shell.ui.MainLayout;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One proposal: its status, the vote under its decision rule, the exact ledger effect, approvals per authority and the
 * audit trail. It offers the actions the signed-in user may take (vote, veto, recompute when stale). Board members and
 * auditors also get the decision record downloads.
 */
@Route(value = "proposals", layout = MainLayout.class)
@RolesAllowed({"BOARD_MEMBER", "AUTHORITY_ADMIN", "DPO", "AUDITOR"})
@AccessDeniedErrorRouter
class ProposalDetailsView extends VerticalLayout implements HasUrlParameter<String>, HasDynamicTitle {

    /** Prefix of the change path of a proposal that adds an organisation, followed by its MSP ID. */
    private static final String ORGANIZATION_ADDITION_PREFIX = "organization-addition/";


    private final ProposalService proposals;
    private final DecisionRecordService records;
    private final ExternalSignatureService externalSignatures;
    private final CurrentUser currentUser;
    private com.vaadin.flow.shared.@org.jspecify.annotations.Nullable Registration pollRegistration;
    private @Nullable UUID proposalId;
    private String pageTitle = "";

    ProposalDetailsView(
            ProposalService proposals,
            DecisionRecordService records,
            ExternalSignatureService externalSignatures,
            CurrentUser currentUser) {
        this.currentUser = currentUser;
        this.externalSignatures = externalSignatures;
        this.proposals = proposals;
        this.records = records;
        setId("proposal-details-view");
        setMaxWidth("80rem");
    }

    @Override
    public void setParameter(BeforeEvent event, String parameter) {
        try {
            proposalId = UUID.fromString(parameter);
            render(proposals.getProposal(proposalId));
        } catch (IllegalArgumentException | ProposalNotFoundException e) {
            throw new NotFoundException("No proposal " + parameter);
        }
    }

    @Override
    public String getPageTitle() {
        return pageTitle;
    }

    private void render(ProposalDetails proposal) {
        removeAll();
        // While the submitter works, poll so the page shows the applied block without a manual refresh.
        boolean inFlight = proposal.status() == ProposalStatus.APPROVED || proposal.status() == ProposalStatus.SUBMITTED;
        getUI().ifPresent(ui -> ui.setPollInterval(inFlight ? 1000 : -1));
        pageTitle = getTranslation("details.title", proposal.reference());
        add(new H1(proposal.reference() + " – " + proposal.title()),
                createStatusLine(proposal),
                createOutcome(proposal),
                createActions(proposal),
                new VotingPanel(proposal, this::vote, this::veto));
        externalSignatures.openSigningSlot(proposal.id()).ifPresent(mspId -> add(
                new ExternalSigningPanel(externalSignatures, proposal.id(), mspId, this::signatureImported)));
        add(new Paragraph(proposal.rationale()));
        if (proposal.governance().ruleChange()) {
            Paragraph newRule = new Paragraph(getTranslation("governance.new-rule", proposal.change().policyText()));
            newRule.setId("proposal-new-rule");
            add(newRule);
        } else {
            add(createLedgerEffect(proposal),
                    new H2(getTranslation("details.approvals")),
                    createApprovalGrid(proposal));
        }
        add(new H2(getTranslation("details.audit-trail")), createAuditGrid(proposal));
    }

    private Component createStatusLine(ProposalDetails proposal) {
        Span status = new Span(getTranslation("status." + proposal.status().databaseValue()));
        status.setId("proposal-status");
        status.getElement().getThemeList().add("badge");
        Span proposer = new Span(getTranslation(
                "details.proposed-by", proposal.proposerPseudonym(), proposal.proposerAuthorityCode().toUpperCase(Locale.ROOT),
                Formats.dateTime(proposal.createdAt(), getLocale())));
        HorizontalLayout line = new HorizontalLayout(status, proposer);
        line.setAlignItems(Alignment.BASELINE);
        return line;
    }

    private Component createOutcome(ProposalDetails proposal) {
        VerticalLayout outcome = new VerticalLayout();
        outcome.setPadding(false);
        outcome.setId("proposal-outcome");
        if (proposal.status() == ProposalStatus.APPLIED) {
            Paragraph applied = new Paragraph(
                    getTranslation("details.applied", proposal.appliedBlock(), proposal.appliedSequence()));
            applied.setId("proposal-applied");
            outcome.add(applied);
        }
        if (proposal.status() == ProposalStatus.EXPIRED && proposal.failureReason() != null) {
            Paragraph expired = new Paragraph(getTranslation("governance.expired", proposal.failureReason()));
            expired.setId("proposal-expired");
            outcome.add(expired);
        }
        if (proposal.status() == ProposalStatus.FAILED && proposal.failureReason() != null) {
            Paragraph failure = new Paragraph(getTranslation("details.failed", proposal.failureReason()));
            failure.setId("proposal-failure");
            failure.getStyle().set("white-space", "pre-wrap");
            outcome.add(failure);
        }
        if (proposal.status() == ProposalStatus.STALE) {
            Paragraph stale = new Paragraph(getTranslation("details.stale"));
            stale.setId("proposal-stale");
            outcome.add(stale);
        }
        if (proposal.submissionState() != null) {
            String submission = getTranslation("submission." + proposal.submissionState().databaseValue());
            Paragraph state = new Paragraph(proposal.submissionError() == null
                    ? getTranslation("details.submission", submission)
                    : getTranslation("details.submission-error", submission, proposal.submissionError()));
            state.setId("proposal-submission");
            outcome.add(state);
            if (proposal.nextAttemptAt() != null) {
                // The orderer or the network failed, and the submitter retries with a growing pause.
                Paragraph retry = new Paragraph(getTranslation("details.submission-retry",
                        proposal.submissionAttempts(), Formats.dateTime(proposal.nextAttemptAt(), getLocale())));
                retry.setId("proposal-submission-retry");
                outcome.add(retry);
            }
        }
        return outcome;
    }

    private Component createActions(ProposalDetails proposal) {
        HorizontalLayout actions = new HorizontalLayout();
        if (isOwnOpenProposal(proposal)) {
            // The proposer cannot approve their own proposal, so explain why the approve button is missing.
            Paragraph ownProposal = new Paragraph(getTranslation("details.own-proposal"));
            ownProposal.setId("proposal-own");
            actions.add(ownProposal);
        }
        if (proposal.canRecompute() && proposal.status() == ProposalStatus.STALE) {
            Button recompute = new Button(getTranslation("details.recompute"), event -> recompute());
            recompute.setId("recompute-proposal");
            actions.add(recompute);
        }
        Button refresh = new Button(getTranslation("details.refresh"), event -> refresh());
        refresh.setId("refresh-proposal");
        refresh.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        actions.add(refresh);
        if (mayReadRecords()) {
            UUID id = proposal.id();
            var locale = getLocale();
            actions.add(
                    Downloads.link("download-record-pdf", getTranslation("governance.record.download-pdf"),
                            proposal.reference() + ".pdf", Downloads.PDF, () -> records.recordPdf(id, locale)),
                    Downloads.link("download-record-csv", getTranslation("governance.record.download-csv"),
                            proposal.reference() + ".csv", Downloads.CSV, () -> records.recordCsv(id)));
        }
        return actions;
    }

    private Component createLedgerEffect(ProposalDetails proposal) {
        VerticalLayout effect = new VerticalLayout();
        effect.setPadding(false);
        Component change;
        if (proposal.change().path().startsWith(ORGANIZATION_ADDITION_PREFIX)) {
            String mspId = proposal.change().path().substring(ORGANIZATION_ADDITION_PREFIX.length());
            change = new LinesList("proposal-new-organization",
                    getTranslation("onboarding.proposal.organization", mspId, proposal.channel()),
                    List.of(proposal.change().policyText().split("\n")));
        } else if (proposal.conceptDifferences().isEmpty()) {
            change = new Paragraph(getTranslation(
                    "details.change", proposal.change().path(), proposal.change().policyText(), proposal.channel()));
            change.setId("proposal-change");
        } else {
            change = new LinesList("proposal-concept-differences",
                    getTranslation("concept.proposal.differences", proposal.change().path(), proposal.channel()),
                    proposal.conceptDifferences());
        }
        Paragraph bytes = new Paragraph(getTranslation(
                "details.config-update", proposal.configUpdateSha256(), proposal.baseSequence()));
        bytes.setId("proposal-config-update");
        effect.add(
                new H2(getTranslation("details.ledger-effect")),
                change,
                bytes,
                new LinesList("proposal-write-set", getTranslation("proposal.write-set"), proposal.writeSet()),
                new LinesList(
                        "proposal-required-signatures",
                        getTranslation("proposal.required-signatures"),
                        proposal.requiredSignatures()),
                new LinesList(
                        "proposal-signing-authorities",
                        getTranslation("proposal.signing-authorities"),
                        proposal.signingMspIds()));
        return effect;
    }

    private Grid<ApprovalDetails> createApprovalGrid(ProposalDetails proposal) {
        Grid<ApprovalDetails> grid = new Grid<>();
        grid.setId("approval-grid");
        grid.setAriaLabel(getTranslation("details.approvals"));
        grid.setAllRowsVisible(true);
        grid.addColumn(approval -> approval.authorityName() + " (" + approval.mspId() + ")")
                .setHeader(getTranslation("approval.authority"))
                .setAutoWidth(true);
        grid.addColumn(ApprovalDetails::boardMemberPseudonym).setHeader(getTranslation("approval.board-member"));
        grid.addColumn(approval -> getTranslation(approval.signed() ? "approval.signed" : "approval.not-signed"))
                .setHeader(getTranslation("approval.signature"));
        grid.addColumn(approval -> Formats.dateTime(approval.createdAt(), getLocale()))
                .setHeader(getTranslation("approval.created-at"))
                .setAutoWidth(true);
        grid.setItems(proposal.approvals());
        grid.setEmptyStateText(getTranslation("details.no-approvals"));
        return grid;
    }

    private Grid<AuditEvent> createAuditGrid(ProposalDetails proposal) {
        Grid<AuditEvent> grid = new Grid<>();
        grid.setId("audit-grid");
        grid.setAriaLabel(getTranslation("details.audit-trail"));
        grid.setAllRowsVisible(true);
        grid.addColumn(event -> Formats.dateTime(event.occurredAt(), getLocale()))
                .setHeader(getTranslation("audit.occurred-at"))
                .setAutoWidth(true);
        grid.addColumn(event -> event.authorityCode() == null
                        ? event.actor()
                        : event.actor() + " (" + event.authorityCode() + ")")
                .setHeader(getTranslation("audit.actor"))
                .setAutoWidth(true);
        grid.addColumn(AuditEvent::action).setHeader(getTranslation("audit.action")).setAutoWidth(true);
        grid.addColumn(AuditEvent::details).setHeader(getTranslation("audit.details")).setFlexGrow(3);
        grid.setItems(proposal.auditTrail());
        return grid;
    }

    @Override
    protected void onAttach(com.vaadin.flow.component.AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        pollRegistration = attachEvent.getUI().addPollListener(event -> {
            if (proposalId != null) {
                refresh();
            }
        });
    }

    @Override
    protected void onDetach(com.vaadin.flow.component.DetachEvent detachEvent) {
        if (pollRegistration != null) {
            pollRegistration.remove();
        }
        detachEvent.getUI().setPollInterval(-1);
        super.onDetach(detachEvent);
    }

    private boolean isOwnOpenProposal(ProposalDetails proposal) {
        var member = currentUser.find().map(user -> user.boardMember()).orElse(null);
        return proposal.status() == ProposalStatus.OPEN
                && member != null
                && member.pseudonym().equals(proposal.proposerPseudonym());
    }

    private boolean mayReadRecords() {
        return currentUser.find()
                .map(user -> user.hasRole(PortalRole.BOARD_MEMBER) || user.hasRole(PortalRole.AUDITOR))
                .orElse(false);
    }

    private void vote(VoteChoice choice, String reason) {
        try {
            ApprovalOutcome outcome = proposals.vote(requireProposalId(), choice, reason);
            showSuccess(approvalMessage(outcome));
        } catch (GovernanceRuleViolationException e) {
            showError(getTranslation("rule." + e.rule().name()));
        } catch (IllegalArgumentException e) {
            showError(e.getMessage());
        } catch (IllegalStateException e) {
            showError(getTranslation("details.state-changed"));
        } catch (LedgerUnavailableException e) {
            showError(getTranslation("ledger.unavailable", e.getMessage()));
        }
        refresh();
    }

    private void signatureImported(SignatureImportResult result) {
        if (result.outcome() != null) {
            showSuccess(getTranslation("signatures.imported", approvalMessage(result.outcome())));
        }
        refresh();
    }

    private void veto(String reason) {
        try {
            ApprovalOutcome outcome = proposals.veto(requireProposalId(), reason);
            showSuccess(approvalMessage(outcome));
        } catch (GovernanceRuleViolationException e) {
            showError(getTranslation("rule." + e.rule().name()));
        } catch (IllegalStateException e) {
            showError(getTranslation("details.state-changed"));
        } catch (LedgerUnavailableException e) {
            showError(getTranslation("ledger.unavailable", e.getMessage()));
        }
        refresh();
    }

    private void recompute() {
        try {
            proposals.recompute(requireProposalId());
            showSuccess(getTranslation("details.recomputed"));
        } catch (GovernanceRuleViolationException e) {
            showError(getTranslation("rule." + e.rule().name()));
        } catch (ChangeRejectedException e) {
            showError(getTranslation("details.recompute-rejected", e.getMessage()));
        } catch (IllegalStateException e) {
            showError(getTranslation("details.state-changed"));
        } catch (LedgerUnavailableException e) {
            showError(getTranslation("ledger.unavailable", e.getMessage()));
        }
        refresh();
    }

    private String approvalMessage(ApprovalOutcome outcome) {
        if (outcome.status() == ProposalStatus.REJECTED
                || outcome.status() == ProposalStatus.EXPIRED
                || outcome.status() == ProposalStatus.APPLIED
                || outcome.status() == ProposalStatus.FAILED) {
            return getTranslation("governance.decided", getTranslation("status." + outcome.status().databaseValue()));
        }
        if (outcome.status() == ProposalStatus.APPROVED) {
            return getTranslation("details.approved-queued");
        }
        if (outcome.status() == ProposalStatus.STALE) {
            return getTranslation("details.approved-stale");
        }
        if (!outcome.signed()) {
            return getTranslation("governance.vote-recorded");
        }
        return getTranslation("details.approved-signed", String.join("; ", outcome.missingSignatures()));
    }

    private void refresh() {
        render(proposals.getProposal(requireProposalId()));
    }

    private UUID requireProposalId() {
        if (proposalId == null) {
            throw new IllegalStateException("No proposal is shown");
        }
        return proposalId;
    }

    private void showSuccess(String message) {
        Notification notification = Notification.show(message, 6000, Notification.Position.TOP_CENTER);
        notification.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    private void showError(String message) {
        Notification notification = Notification.show(message, 8000, Notification.Position.MIDDLE);
        notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
}
