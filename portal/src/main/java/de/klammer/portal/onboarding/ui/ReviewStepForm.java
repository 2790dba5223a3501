package de.klammer.portal.onboarding.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import de.klammer.portal.governance.ProposalDetails;
import de.klammer.portal.ledger.ChangeRejectedException;
import de.klammer.portal.ledger.LedgerUnavailableException;
import de.klammer.portal.onboarding.OnboardingDraft;
import de.klammer.portal.onboarding.OnboardingInputException;

/** Step (f): what the proposal will contain, the rationale and legal basis, and the submission to the board. */
class ReviewStepForm extends StepForm {

    ReviewStepForm(WizardContext wizard) {
        super("onboarding-review-step");
        OnboardingDraft draft = wizard.draft();
        UnorderedList summary = new UnorderedList();
        summary.setId("onboarding-review-summary");
        summary.add(
                new ListItem(getTranslation("onboarding.review.authority", draft.name(), draft.code(),
                        draft.authorityType())),
                new ListItem(getTranslation("onboarding.review.msp", draft.mspId(), draft.mspFileName())),
                new ListItem(getTranslation("onboarding.review.oidc", draft.oidcIssuer(), draft.oidcClientId())),
                new ListItem(getTranslation("onboarding.review.ca", draft.caName(), draft.caUrl(),
                        draft.caRegistrarId())));

        TextArea rationale = field("rationale", new TextArea(getTranslation("onboarding.review.rationale")));
        rationale.setId("onboarding-rationale");
        rationale.setRequiredIndicatorVisible(true);
        rationale.setWidth("40em");
        TextField legalBasis = field("legal-basis", new TextField(getTranslation("onboarding.review.legal-basis")));
        legalBasis.setId("onboarding-legal-basis");
        legalBasis.setRequiredIndicatorVisible(true);
        legalBasis.setWidth("30em");

        Button submit = new Button(getTranslation("onboarding.review.submit"), event -> {
            clearErrors();
            try {
                ProposalDetails proposal = wizard.service().submit(draft.id(), rationale.getValue(),
                        legalBasis.getValue());
                Notification.show(getTranslation("onboarding.review.submitted", proposal.reference()))
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                getUI().ifPresent(ui -> ui.navigate("proposals/" + proposal.id()));
            } catch (OnboardingInputException e) {
                showError(e.field(), e.getMessage());
            } catch (IllegalArgumentException | ChangeRejectedException e) {
                showError("submit", e.getMessage());
            } catch (LedgerUnavailableException e) {
                showError("submit", getTranslation("onboarding.validation.ledger-unavailable", e.getMessage()));
            }
        });
        submit.setId("onboarding-submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new H2(getTranslation("onboarding.step.review")), summary, rationale, legalBasis, errorParagraph(), submit);
    }
}
