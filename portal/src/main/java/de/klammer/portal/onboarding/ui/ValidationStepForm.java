package de.klammer.portal.onboarding.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import de.klammer.ledger.MspFinding;
import de.klammer.ledger.MspValidation;
import de.klammer.portal.ledger.LedgerUnavailableException;
import de.klammer.portal.onboarding.OnboardingDraft;
import de.klammer.portal.onboarding.OnboardingInputException;
import java.util.List;

/**
 * Step (e): the validation findings, each naming the file or field and the fix. Errors block the review. Warnings are
 * shown and go into the proposal.
 */
class ValidationStepForm extends StepForm {

    private final WizardContext wizard;
    private final UnorderedList findingList = new UnorderedList();
    private final Paragraph summary = new Paragraph();
    private final Button next = new Button();

    ValidationStepForm(WizardContext wizard) {
        super("onboarding-validation-step");
        this.wizard = wizard;
        OnboardingDraft draft = wizard.draft();
        findingList.setId("onboarding-findings");
        summary.setId("onboarding-validation-summary");
        summary.getElement().setAttribute("aria-live", "polite");
        Button run = new Button(getTranslation("onboarding.validation.run"), event -> runValidation());
        run.setId("onboarding-validate");
        next.setText(getTranslation("onboarding.continue"));
        next.setId("onboarding-validation-continue");
        next.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        next.setEnabled(false);
        next.addClickListener(event -> wizard.save(this, () -> wizard.service().getDraft(draft.id()), false));
        add(new H2(getTranslation("onboarding.step.validation")), run, summary, findingList, errorParagraph(), next);
        runValidation();
    }

    private void runValidation() {
        clearErrors();
        findingList.removeAll();
        List<MspFinding> findings;
        try {
            findings = wizard.service().validate(wizard.draft().id());
        } catch (OnboardingInputException e) {
            showError(e.field(), e.getMessage());
            return;
        } catch (LedgerUnavailableException e) {
            showError("validation", getTranslation("onboarding.validation.ledger-unavailable", e.getMessage()));
            return;
        }
        for (MspFinding finding : findings) {
            ListItem item = new ListItem(getTranslation("onboarding.validation.finding",
                    getTranslation("onboarding.severity." + finding.severity().name()), finding.location(),
                    finding.message()));
            item.addClassName(finding.severity() == MspFinding.Severity.ERROR ? "finding-error" : "finding-warning");
            findingList.add(item);
        }
        boolean blocked = MspValidation.hasErrors(findings);
        summary.setText(getTranslation(blocked ? "onboarding.validation.blocked" : "onboarding.validation.passed",
                findings.stream().filter(f -> f.severity() == MspFinding.Severity.ERROR).count(),
                findings.stream().filter(f -> f.severity() == MspFinding.Severity.WARNING).count()));
        next.setEnabled(!blocked);
    }
}
