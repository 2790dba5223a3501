package de.klammer.portal.governance.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import de.klammer.portal.governance.DecisionRule;
import de.klammer.portal.governance.ProposalDetails;
import de.klammer.portal.governance.ProposalDetails.Governance;
import de.klammer.portal.governance.ProposalDetails.VoteDetails;
import de.klammer.portal.governance.Tally;
import de.klammer.portal.governance.VoteChoice;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The governance part of a proposal's page: rule, deadline, the count so far with what is still needed, the votes,
 * and the vote and veto controls for the signed-in user. The yes button keeps the id {@code approve-proposal}.
 */
class VotingPanel extends VerticalLayout {

    private final TextArea reason = new TextArea();

    VotingPanel(ProposalDetails proposal, BiConsumer<VoteChoice, String> onVote, Consumer<String> onVeto) {
        setPadding(false);
        setId("proposal-governance");
        Governance governance = proposal.governance();
        add(new H2(getTranslation("governance.heading")));
        // The controls come first, so they stay near the top of a long page.
        if (governance.canVote() || governance.canVeto()) {
            add(createControls(proposal, onVote, onVeto));
        }
        add(createCount(governance), createFacts(governance));
        if (!governance.ruleChange() && !governance.missingSignatures().isEmpty()
                && proposal.status() == de.klammer.portal.governance.ProposalStatus.OPEN) {
            add(new LinesList(
                    "proposal-missing-signatures",
                    getTranslation("governance.missing-signatures"),
                    governance.missingSignatures()));
        }
        add(new H2(getTranslation("governance.votes")), createVoteGrid(governance));
    }

    private Component createFacts(Governance governance) {
        VerticalLayout facts = new VerticalLayout();
        facts.setPadding(false);
        facts.setSpacing(false);
        facts.add(paragraph("proposal-change-type", getTranslation("governance.change-type-line",
                getTranslation("governance.change-type." + governance.changeType().databaseValue()))));
        facts.add(paragraph("proposal-legal-basis-value", getTranslation("governance.legal-basis-line",
                governance.legalBasis().isBlank() ? "–" : governance.legalBasis())));
        facts.add(paragraph("proposal-rule", getTranslation("governance.rule-line", describe(governance.rule()))));
        if (governance.votingDeadline() != null) {
            facts.add(paragraph("proposal-deadline", getTranslation("governance.deadline-line",
                    Formats.dateTime(governance.votingDeadline(), getLocale()))));
        }
        if (governance.touchesPersonalData()) {
            facts.add(paragraph("proposal-personal-data-flag", getTranslation("governance.personal-data-flag")));
        }
        return facts;
    }

    private Component createCount(Governance governance) {
        Tally tally = governance.count().tally();
        VerticalLayout count = new VerticalLayout();
        count.setPadding(false);
        count.setSpacing(false);
        count.add(paragraph("proposal-count", getTranslation("governance.count", tally.yes(), tally.no(),
                tally.abstain(), tally.cast(), tally.electorate(), tally.turnoutPercent())));
        String needed;
        if (tally.vetoes() > 0) {
            needed = getTranslation("governance.needed-vetoed", tally.vetoes());
        } else if (governance.count().yesStillNeeded() == null) {
            needed = getTranslation("governance.needed-impossible");
        } else if (governance.count().yesStillNeeded() == 0) {
            needed = getTranslation("governance.needed-met");
        } else {
            needed = getTranslation("governance.needed-yes", governance.count().yesStillNeeded());
        }
        count.add(paragraph("proposal-needed", needed));
        return count;
    }

    private Component createControls(
            ProposalDetails proposal, BiConsumer<VoteChoice, String> onVote, Consumer<String> onVeto) {
        Governance governance = proposal.governance();
        reason.setId("vote-reason");
        reason.setLabel(getTranslation("governance.reason"));
        reason.setHelperText(getTranslation("governance.reason-help"));
        reason.setMaxLength(2000);
        reason.setWidthFull();
        HorizontalLayout buttons = new HorizontalLayout();
        if (governance.canVote()) {
            if (governance.myVote() != null) {
                buttons.add(new Paragraph(getTranslation("governance.my-vote",
                        getTranslation("governance.vote." + governance.myVote().databaseValue()))));
            }
            if (proposal.canApprove()) {
                Button yes = new Button(getTranslation("governance.vote-yes"), event -> onVote.accept(VoteChoice.YES, reason.getValue()));
                yes.setId("approve-proposal");
                yes.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
                buttons.add(yes);
            }
            Button no = new Button(getTranslation("governance.vote-no"), event -> voteNeedingReason(onVote));
            no.setId("vote-no");
            Button abstain = new Button(getTranslation("governance.vote-abstain"),
                    event -> onVote.accept(VoteChoice.ABSTAIN, reason.getValue()));
            abstain.setId("vote-abstain");
            buttons.add(no, abstain);
        }
        if (governance.canVeto()) {
            Button veto = new Button(getTranslation("governance.veto"), event -> vetoNeedingReason(onVeto));
            veto.setId("veto-proposal");
            veto.addThemeVariants(ButtonVariant.LUMO_ERROR);
            buttons.add(veto);
        }
        VerticalLayout controls = new VerticalLayout(reason, buttons);
        controls.setPadding(false);
        return controls;
    }

    private void voteNeedingReason(BiConsumer<VoteChoice, String> onVote) {
        if (requireReason()) {
            onVote.accept(VoteChoice.NO, reason.getValue());
        }
    }

    private void vetoNeedingReason(Consumer<String> onVeto) {
        if (requireReason()) {
            onVeto.accept(reason.getValue());
        }
    }

    private boolean requireReason() {
        boolean missing = reason.getValue().isBlank();
        reason.setInvalid(missing);
        reason.setErrorMessage(missing ? getTranslation("governance.reason-required") : null);
        if (missing) {
            reason.focus();
        }
        return !missing;
    }

    private Grid<VoteDetails> createVoteGrid(Governance governance) {
        Grid<VoteDetails> grid = new Grid<>();
        grid.setId("vote-grid");
        grid.setAriaLabel(getTranslation("governance.votes"));
        grid.setAllRowsVisible(true);
        grid.addColumn(vote -> vote.voterPseudonym() + " (" + vote.authorityCode() + ")")
                .setHeader(getTranslation("governance.voter"))
                .setAutoWidth(true);
        grid.addColumn(vote -> getTranslation("governance.vote." + vote.choice().databaseValue())
                        + (vote.vetoRole() == null ? "" : " (" + vote.vetoRole() + ")"))
                .setHeader(getTranslation("governance.vote"))
                .setAutoWidth(true);
        grid.addColumn(vote -> vote.reason() == null ? "" : vote.reason())
                .setHeader(getTranslation("governance.reason"))
                .setFlexGrow(3);
        grid.addColumn(vote -> Formats.dateTime(vote.updatedAt(), getLocale()))
                .setHeader(getTranslation("governance.voted-at"))
                .setAutoWidth(true);
        grid.setItems(governance.votes());
        grid.setEmptyStateText(getTranslation("governance.no-votes"));
        return grid;
    }

    private String describe(DecisionRule rule) {
        String veto = rule.vetoRoles().isEmpty()
                ? getTranslation("governance.rule-no-veto")
                : getTranslation(rule.vetoPersonalDataOnly() ? "governance.rule-veto-personal-data" : "governance.rule-veto",
                        rule.vetoRoles().stream().map(role -> getTranslation("role." + role.name())).sorted()
                                .collect(Collectors.joining(", ")));
        return getTranslation("governance.rule-text",
                getTranslation("governance.threshold." + rule.threshold().databaseValue()),
                getTranslation("governance.counting." + rule.counting().databaseValue()),
                rule.minTurnoutPercent(), veto, rule.votingPeriod().toHours());
    }

    private static Paragraph paragraph(String id, String text) {
        Paragraph paragraph = new Paragraph(text);
        paragraph.setId(id);
        return paragraph;
    }
}
