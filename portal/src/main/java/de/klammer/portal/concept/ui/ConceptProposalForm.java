package de.klammer.portal.concept.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import de.klammer.portal.concept.ConceptRuleViolationException;
import de.klammer.portal.governance.ProposalDetails;
import de.klammer.portal.governance.ProposalTexts;
import de.klammer.portal.ledger.ChangeRejectedException;
import de.klammer.portal.ledger.LedgerUnavailableException;
import java.util.function.Function;

/**
 * The texts of a proposal that a concept page or the offboarding view opens (title, rationale, legal basis, personal
 * data), and the button that opens it and shows the new proposal's page.
 */
public class ConceptProposalForm extends VerticalLayout {

    private final TextField title = new TextField();
    private final TextArea rationale = new TextArea();
    private final TextField legalBasis = new TextField();
    private final Checkbox personalData = new Checkbox();
    private final Paragraph error = new Paragraph();
    private final Function<ProposalTexts, ProposalDetails> propose;

    public ConceptProposalForm(String idPrefix, String heading, String submitLabel,
            Function<ProposalTexts, ProposalDetails> propose) {
        this.propose = propose;
        setPadding(false);
        setId(idPrefix + "-form");
        title.setId(idPrefix + "-title");
        title.setLabel(getTranslation("proposal.title"));
        title.setRequiredIndicatorVisible(true);
        title.setMaxLength(ProposalTexts.MAX_TITLE_LENGTH);
        rationale.setId(idPrefix + "-rationale");
        rationale.setLabel(getTranslation("proposal.rationale"));
        rationale.setRequiredIndicatorVisible(true);
        rationale.setMaxLength(ProposalTexts.MAX_RATIONALE_LENGTH);
        legalBasis.setId(idPrefix + "-legal-basis");
        legalBasis.setLabel(getTranslation("governance.legal-basis"));
        legalBasis.setHelperText(getTranslation("governance.legal-basis-help"));
        legalBasis.setRequiredIndicatorVisible(true);
        legalBasis.setMaxLength(ProposalTexts.MAX_LEGAL_BASIS_LENGTH);
        personalData.setId(idPrefix + "-personal-data");
        personalData.setLabel(getTranslation("governance.personal-data"));
        error.setId(idPrefix + "-error");
        error.getElement().setAttribute("role", "alert");
        error.setVisible(false);

        Button submit = new Button(submitLabel, event -> submit());
        submit.setId(idPrefix + "-submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FormLayout fields = new FormLayout(title, rationale, legalBasis, personalData);
        add(new H2(heading), fields, submit, error);
    }

    private void submit() {
        boolean titleMissing = markMissing(title, title.getValue().isBlank());
        boolean rationaleMissing = markMissing(rationale, rationale.getValue().isBlank());
        boolean legalBasisMissing = markMissing(legalBasis, legalBasis.getValue().isBlank());
        if (titleMissing || rationaleMissing || legalBasisMissing) {
            return;
        }
        try {
            ProposalDetails created = propose.apply(new ProposalTexts(
                    title.getValue(), rationale.getValue(), legalBasis.getValue(), personalData.getValue()));
            Notification.show(getTranslation("form.created", created.reference()))
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            getUI().ifPresent(ui -> ui.navigate("proposals/" + created.id()));
        } catch (ConceptRuleViolationException | ChangeRejectedException | IllegalArgumentException e) {
            showError(getTranslation("concept.propose.rejected", e.getMessage()));
        } catch (LedgerUnavailableException e) {
            showError(getTranslation("ledger.unavailable", e.getMessage()));
        }
    }

    private boolean markMissing(HasValidation field, boolean missing) {
        field.setErrorMessage(missing ? getTranslation("concept.propose.missing") : null);
        field.setInvalid(missing);
        return missing;
    }

    private void showError(String message) {
        error.setText(message);
        error.setVisible(true);
    }
}
