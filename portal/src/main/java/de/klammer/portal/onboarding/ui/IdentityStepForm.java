package de.klammer.portal.onboarding.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.textfield.TextField;
import de.klammer.portal.onboarding.OnboardingDraft;
import java.util.Objects;

/** Step (a): name, authority type, MSP ID and code of the new authority. */
class IdentityStepForm extends StepForm {

    IdentityStepForm(WizardContext wizard) {
        super("onboarding-identity-step");
        OnboardingDraft draft = wizard.draft();
        TextField name = field("authority-name", new TextField(getTranslation("onboarding.identity.name")));
        name.setId("onboarding-name");
        name.setRequiredIndicatorVisible(true);
        name.setValue(Objects.requireNonNullElse(draft.name(), ""));
        name.setWidth("30em");

        ComboBox<String> type = field("authority-type", new ComboBox<>(getTranslation("onboarding.identity.type")));
        type.setId("onboarding-type");
        type.setItems(wizard.service().authorityTypes());
        type.setRequiredIndicatorVisible(true);
        if (draft.authorityType() != null) {
            type.setValue(draft.authorityType());
        }

        TextField mspId = field("msp-id", new TextField(getTranslation("onboarding.identity.msp-id")));
        mspId.setId("onboarding-msp-id");
        mspId.setHelperText(getTranslation("onboarding.identity.msp-id.help"));
        mspId.setRequiredIndicatorVisible(true);
        mspId.setValue(Objects.requireNonNullElse(draft.mspId(), ""));

        TextField code = field("authority-code", new TextField(getTranslation("onboarding.identity.code")));
        code.setId("onboarding-code");
        code.setHelperText(getTranslation("onboarding.identity.code.help"));
        code.setRequiredIndicatorVisible(true);
        code.setValue(Objects.requireNonNullElse(draft.code(), ""));

        Button save = new Button(getTranslation("onboarding.save-and-continue"), event -> wizard.save(this,
                () -> wizard.service().saveIdentity(draft.id(), name.getValue(),
                        Objects.requireNonNullElse(type.getValue(), ""), mspId.getValue(), code.getValue()),
                false));
        save.setId("onboarding-save-identity");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new H2(getTranslation("onboarding.step.identity")), name, type, mspId, code, errorParagraph(), save);
    }
}
