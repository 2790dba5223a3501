package de.klammer.portal.onboarding.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import de.klammer.portal.onboarding.OnboardingDraft;
import java.util.Objects;

/** Step (b): the authority's OIDC issuer, checked through its discovery document, and the portal's client there. */
class IdentityProviderStepForm extends StepForm {

    IdentityProviderStepForm(WizardContext wizard) {
        super("onboarding-identity-provider-step");
        OnboardingDraft draft = wizard.draft();
        TextField issuer = field("oidc-issuer", new TextField(getTranslation("onboarding.oidc.issuer")));
        issuer.setId("onboarding-oidc-issuer");
        issuer.setHelperText(getTranslation("onboarding.oidc.issuer.help"));
        issuer.setRequiredIndicatorVisible(true);
        issuer.setWidth("40em");
        issuer.setValue(Objects.requireNonNullElse(draft.oidcIssuer(), ""));

        TextField clientId = field("oidc-client-id", new TextField(getTranslation("onboarding.oidc.client-id")));
        clientId.setId("onboarding-oidc-client-id");
        clientId.setRequiredIndicatorVisible(true);
        clientId.setValue(Objects.requireNonNullElse(draft.oidcClientId(), ""));

        PasswordField secret = field("oidc-client-secret",
                new PasswordField(getTranslation("onboarding.oidc.client-secret")));
        secret.setId("onboarding-oidc-client-secret");
        secret.setHelperText(getTranslation(draft.oidcClientSecretStored()
                ? "onboarding.secret.stored"
                : "onboarding.secret.new"));

        Button save = new Button(getTranslation("onboarding.check-and-continue"), event -> wizard.save(this,
                () -> wizard.service().saveIdentityProvider(
                        draft.id(), issuer.getValue(), clientId.getValue(), secret.getValue()),
                true));
        save.setId("onboarding-save-identity-provider");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new H2(getTranslation("onboarding.step.identity-provider")),
                new Paragraph(getTranslation("onboarding.oidc.explanation")),
                issuer, clientId, secret, errorParagraph(), save);
    }
}
