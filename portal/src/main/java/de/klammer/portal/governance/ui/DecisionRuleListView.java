package de.klammer.portal.governance.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AccessDeniedErrorRouter;
import de.klammer.portal.governance.ChangeType;
import de.klammer.portal.governance.DecisionRule;
import de.klammer.portal.governance.DecisionRule.Counting;
import de.klammer.portal.governance.DecisionRule.Threshold;
import de.klammer.portal.governance.DecisionRuleService;
import de.klammer.portal.governance.DecisionRuleSummary;
import de.klammer.portal.governance.ProposalDetails;
import de.klammer.portal.governance.ProposalService;
import de.klammer.portal.governance.ProposalTexts;
import de.klammer.portal.governance.RuleWeakerThanLedgerException;
import de.klammer.portal.ledger.LedgerUnavailableException;
import de.klammer.portal.security.CurrentUser;
import de.klammer.portal.security.PortalRole;
import de.klammer.portal.shell.ui.MainLayout;
import jakarta.annotation.security.RolesAllowed;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The decision rule of each change type, and for board members a form that proposes a rule change. The portal checks
 * a proposed rule against the live mod_policies and names the signatures a passing vote could still lack.
 */
@Route(value = "decision-rules", layout = MainLayout.class)
@RolesAllowed({"BOARD_MEMBER", "AUTHORITY_ADMIN", "DPO", "AUDITOR"})
@AccessDeniedErrorRouter
class DecisionRuleListView extends VerticalLayout implements HasDynamicTitle {

    private final DecisionRuleService rules;
    private final ProposalService proposals;

    private final ComboBox<ChangeType> changeType = new ComboBox<>();
    private final ComboBox<Threshold> threshold = new ComboBox<>();
    private final ComboBox<Counting> counting = new ComboBox<>();
    private final IntegerField turnout = new IntegerField();
    private final CheckboxGroup<PortalRole> vetoRoles = new CheckboxGroup<>();
    private final Checkbox vetoPersonalDataOnly = new Checkbox();
    private final IntegerField votingPeriodHours = new IntegerField();
    private final TextField title = new TextField();
    private final TextArea rationale = new TextArea();
    private final TextField legalBasis = new TextField();
    private final VerticalLayout checkResult = new VerticalLayout();

    DecisionRuleListView(DecisionRuleService rules, ProposalService proposals, CurrentUser currentUser) {
        this.rules = rules;
        this.proposals = proposals;
        setId("decision-rule-view");
        setMaxWidth("80rem");
        List<DecisionRuleSummary> summaries = rules.listRules();
        add(new H1(getTranslation("governance.rules.heading")), new Paragraph(getTranslation("governance.rules.intro")), createGrid(summaries));
        if (currentUser.require().hasRole(PortalRole.BOARD_MEMBER)) {
            add(new H2(getTranslation("governance.rules.change-heading")), createForm(summaries), createButtons(), checkResult);
            checkResult.setId("rule-check-result");
            checkResult.setPadding(false);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("governance.rules.title");
    }

    private Grid<DecisionRuleSummary> createGrid(List<DecisionRuleSummary> summaries) {
        Grid<DecisionRuleSummary> grid = new Grid<>();
        grid.setId("decision-rule-grid");
        grid.setAriaLabel(getTranslation("governance.rules.heading"));
        grid.setAllRowsVisible(true);
        grid.addColumn(summary -> changeTypeLabel(summary.rule().changeType()))
                .setHeader(getTranslation("governance.rules.change-type"))
                .setAutoWidth(true);
        grid.addColumn(summary -> getTranslation("governance.threshold." + summary.rule().threshold().databaseValue()))
                .setHeader(getTranslation("governance.rules.threshold"))
                .setAutoWidth(true);
        grid.addColumn(summary -> getTranslation("governance.counting." + summary.rule().counting().databaseValue()))
                .setHeader(getTranslation("governance.rules.counting"))
                .setAutoWidth(true);
        grid.addColumn(summary -> summary.rule().minTurnoutPercent() + " %").setHeader(getTranslation("governance.rules.turnout"));
        grid.addColumn(summary -> vetoLabel(summary.rule())).setHeader(getTranslation("governance.rules.veto")).setFlexGrow(2);
        grid.addColumn(summary -> getTranslation("governance.rules.hours", summary.rule().votingPeriod().toHours()))
                .setHeader(getTranslation("governance.rules.voting-period"));
        grid.addColumn(summary -> summary.updatedByProposal() == null ? getTranslation("governance.rules.default") : summary.updatedByProposal())
                .setHeader(getTranslation("governance.rules.decided-by"))
                .setAutoWidth(true);
        grid.setItems(summaries);
        grid.addSelectionListener(event -> event.getFirstSelectedItem().ifPresent(summary -> fill(summary.rule())));
        return grid;
    }

    private Component createForm(List<DecisionRuleSummary> summaries) {
        changeType.setId("rule-change-type");
        changeType.setLabel(getTranslation("governance.rules.change-type"));
        changeType.setItems(ChangeType.values());
        changeType.setItemLabelGenerator(this::changeTypeLabel);
        changeType.setRequiredIndicatorVisible(true);
        changeType.addValueChangeListener(event -> summaries.stream()
                .filter(summary -> summary.rule().changeType() == event.getValue())
                .findFirst()
                .ifPresent(summary -> fill(summary.rule())));

        threshold.setId("rule-threshold");
        threshold.setLabel(getTranslation("governance.rules.threshold"));
        threshold.setItems(Threshold.values());
        threshold.setItemLabelGenerator(value -> getTranslation("governance.threshold." + value.databaseValue()));
        threshold.setRequiredIndicatorVisible(true);

        counting.setId("rule-counting");
        counting.setLabel(getTranslation("governance.rules.counting"));
        counting.setItems(Counting.values());
        counting.setItemLabelGenerator(value -> getTranslation("governance.counting." + value.databaseValue()));
        counting.setRequiredIndicatorVisible(true);

        turnout.setId("rule-turnout");
        turnout.setLabel(getTranslation("governance.rules.turnout"));
        turnout.setHelperText(getTranslation("governance.rules.turnout-help"));
        turnout.setMin(0);
        turnout.setMax(100);
        turnout.setStepButtonsVisible(true);
        turnout.setRequiredIndicatorVisible(true);

        vetoRoles.setId("rule-veto-roles");
        vetoRoles.setLabel(getTranslation("governance.rules.veto"));
        vetoRoles.setItems(EnumSet.complementOf(EnumSet.of(PortalRole.CLERK)));
        vetoRoles.setItemLabelGenerator(role -> getTranslation("role." + role.name()));

        vetoPersonalDataOnly.setId("rule-veto-personal-data-only");
        vetoPersonalDataOnly.setLabel(getTranslation("governance.rules.veto-personal-data-only"));

        votingPeriodHours.setId("rule-voting-period");
        votingPeriodHours.setLabel(getTranslation("governance.rules.voting-period"));
        votingPeriodHours.setHelperText(getTranslation("governance.rules.voting-period-help"));
        votingPeriodHours.setMin(1);
        votingPeriodHours.setMax(8784);
        votingPeriodHours.setRequiredIndicatorVisible(true);

        title.setId("rule-proposal-title");
        title.setLabel(getTranslation("proposal.title"));
        title.setMaxLength(ProposalTexts.MAX_TITLE_LENGTH);
        title.setRequiredIndicatorVisible(true);
        rationale.setId("rule-proposal-rationale");
        rationale.setLabel(getTranslation("proposal.rationale"));
        rationale.setMaxLength(ProposalTexts.MAX_RATIONALE_LENGTH);
        rationale.setRequiredIndicatorVisible(true);
        legalBasis.setId("rule-proposal-legal-basis");
        legalBasis.setLabel(getTranslation("governance.legal-basis"));
        legalBasis.setHelperText(getTranslation("governance.legal-basis-help"));
        legalBasis.setMaxLength(ProposalTexts.MAX_LEGAL_BASIS_LENGTH);
        legalBasis.setRequiredIndicatorVisible(true);

        FormLayout form = new FormLayout(changeType, threshold, counting, turnout, vetoRoles, vetoPersonalDataOnly,
                votingPeriodHours, title, rationale, legalBasis);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));
        return form;
    }

    private Component createButtons() {
        Button check = new Button(getTranslation("governance.rules.check"), event -> check());
        check.setId("check-rule");
        Button propose = new Button(getTranslation("governance.rules.propose"), event -> propose());
        propose.setId("propose-rule-change");
        propose.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        return new HorizontalLayout(check, propose);
    }

    private void fill(DecisionRule rule) {
        changeType.setValue(rule.changeType());
        threshold.setValue(rule.threshold());
        counting.setValue(rule.counting());
        turnout.setValue(rule.minTurnoutPercent());
        vetoRoles.setValue(rule.vetoRoles());
        vetoPersonalDataOnly.setValue(rule.vetoPersonalDataOnly());
        votingPeriodHours.setValue(Math.toIntExact(rule.votingPeriod().toHours()));
    }

    private void check() {
        DecisionRule rule = ruleFromForm();
        if (rule == null) {
            return;
        }
        try {
            List<String> missing = rules.checkAgainstLedger(rule);
            showCheckResult(missing);
        } catch (IllegalArgumentException e) {
            showError(e.getMessage());
        } catch (LedgerUnavailableException e) {
            showError(getTranslation("ledger.unavailable", e.getMessage()));
        }
    }

    private void propose() {
        DecisionRule rule = ruleFromForm();
        boolean textsMissing = markBlank(title) | markBlank(rationale) | markBlank(legalBasis);
        if (rule == null || textsMissing) {
            return;
        }
        try {
            ProposalDetails created = proposals.proposeRuleChange(
                    new ProposalTexts(title.getValue(), rationale.getValue(), legalBasis.getValue(), false), rule);
            Notification.show(getTranslation("form.created", created.reference()))
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            getUI().ifPresent(ui -> ui.navigate(ProposalDetailsView.class, created.id().toString()));
        } catch (RuleWeakerThanLedgerException e) {
            showCheckResult(e.missingSignatures());
        } catch (IllegalArgumentException e) {
            showError(e.getMessage());
        } catch (LedgerUnavailableException e) {
            showError(getTranslation("ledger.unavailable", e.getMessage()));
        }
    }

    private void showCheckResult(List<String> missing) {
        checkResult.removeAll();
        if (missing.isEmpty()) {
            Paragraph ok = new Paragraph(getTranslation("governance.rules.check-ok"));
            ok.setId("rule-check-ok");
            checkResult.add(ok);
            return;
        }
        checkResult.add(new LinesList("rule-check-missing", getTranslation("governance.rules.check-weaker"), missing));
    }

    private @Nullable DecisionRule ruleFromForm() {
        boolean missing = markEmpty(changeType, changeType.getValue() == null)
                | markEmpty(threshold, threshold.getValue() == null)
                | markEmpty(counting, counting.getValue() == null)
                | markEmpty(turnout, turnout.getValue() == null || turnout.isInvalid())
                | markEmpty(votingPeriodHours, votingPeriodHours.getValue() == null || votingPeriodHours.isInvalid());
        if (missing) {
            return null;
        }
        try {
            Set<PortalRole> roles = vetoRoles.getValue().stream().collect(Collectors.toSet());
            return new DecisionRule(changeType.getValue(), threshold.getValue(), counting.getValue(), turnout.getValue(),
                    roles, vetoPersonalDataOnly.getValue(), Duration.ofHours(votingPeriodHours.getValue()));
        } catch (IllegalArgumentException e) {
            showError(e.getMessage());
            return null;
        }
    }

    private boolean markEmpty(com.vaadin.flow.component.HasValidation field, boolean empty) {
        if (empty) {
            field.setErrorMessage(getTranslation("governance.rules.invalid-value"));
            field.setInvalid(true);
        } else {
            field.setInvalid(false);
        }
        return empty;
    }

    private boolean markBlank(TextField field) {
        return markEmpty(field, field.getValue().isBlank());
    }

    private boolean markBlank(TextArea field) {
        return markEmpty(field, field.getValue().isBlank());
    }

    private String changeTypeLabel(ChangeType type) {
        return getTranslation("governance.change-type." + type.databaseValue());
    }

    private String vetoLabel(DecisionRule rule) {
        if (rule.vetoRoles().isEmpty()) {
            return getTranslation("governance.rule-no-veto");
        }
        String roles = rule.vetoRoles().stream().map(role -> getTranslation("role." + role.name())).sorted()
                .collect(Collectors.joining(", "));
        return getTranslation(rule.vetoPersonalDataOnly() ? "governance.rule-veto-personal-data" : "governance.rule-veto",
                roles);
    }

    private void showError(String message) {
        Notification notification = Notification.show(message, 8000, Notification.Position.MIDDLE);
        notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
}
