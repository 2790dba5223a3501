package de.klammer.portal.onboarding.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Base of one wizard step's form. Fields register under the field names that {@code OnboardingInputException} uses,
 * so a rejected input shows its message at the field; other messages show in the step's error paragraph.
 */
abstract class StepForm extends VerticalLayout {

    private final Map<String, HasValidation> fields = new LinkedHashMap<>();
    private final Paragraph error = new Paragraph();

    StepForm(String id) {
        setId(id);
        setPadding(false);
        error.setId("onboarding-error");
        error.getElement().setAttribute("role", "alert");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        error.setVisible(false);
    }

    /** Registers a field under the field name of the service's input errors. */
    <T extends HasValidation> T field(String name, T component) {
        fields.put(name, component);
        return component;
    }

    /** Adds the error paragraph; subclasses call it where errors should appear. */
    Paragraph errorParagraph() {
        return error;
    }

    /** Clears the errors of every field and the step. */
    void clearErrors() {
        fields.values().forEach(field -> field.setInvalid(false));
        error.setVisible(false);
    }

    /** Shows the message at the named field, or in the step's error paragraph when no field has that name. */
    void showError(String fieldName, String message) {
        HasValidation field = fields.get(fieldName);
        if (field != null) {
            field.setErrorMessage(message);
            field.setInvalid(true);
        }
        error.setText(message);
        error.setVisible(true);
    }
}
