package de.klammer.portal.onboarding.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import de.klammer.portal.onboarding.OnboardingDraft;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Step (c): the authority's Fabric CA. The TLS root certificate is pasted or uploaded as PEM; saving reads the CA's
 * chain from its cainfo.
 */
class CertificateAuthorityStepForm extends StepForm {

    /** Upper bound for an uploaded TLS root; one PEM certificate takes one or two kilobytes. */
    private static final int MAX_PEM_BYTES = 64 * 1024;

    CertificateAuthorityStepForm(WizardContext wizard) {
        super("onboarding-certificate-authority-step");
        OnboardingDraft draft = wizard.draft();
        TextField url = field("ca-url", new TextField(getTranslation("onboarding.ca.url")));
        url.setId("onboarding-ca-url");
        url.setHelperText(getTranslation("onboarding.ca.url.help"));
        url.setRequiredIndicatorVisible(true);
        url.setWidth("30em");
        url.setValue(Objects.requireNonNullElse(draft.caUrl(), ""));

        TextField caName = field("ca-name", new TextField(getTranslation("onboarding.ca.name")));
        caName.setId("onboarding-ca-name");
        caName.setRequiredIndicatorVisible(true);
        caName.setValue(Objects.requireNonNullElse(draft.caName(), ""));

        TextArea tlsRoot = field("ca-tls-root", new TextArea(getTranslation("onboarding.ca.tls-root")));
        tlsRoot.setId("onboarding-ca-tls-root");
        tlsRoot.setHelperText(getTranslation("onboarding.ca.tls-root.help"));
        tlsRoot.setRequiredIndicatorVisible(true);
        tlsRoot.setWidth("40em");
        tlsRoot.setValue(Objects.requireNonNullElse(draft.caTlsRootPem(), ""));
        Upload tlsRootUpload = new Upload();
        tlsRootUpload.setId("onboarding-ca-tls-root-upload");
        tlsRootUpload.setMaxFiles(1);
        tlsRootUpload.setMaxFileSize(MAX_PEM_BYTES);
        tlsRootUpload.addFileRejectedListener(event ->
                showError("ca-tls-root", getTranslation("onboarding.ca.tls-root.rejected", MAX_PEM_BYTES)));
        tlsRootUpload.setUploadHandler(UploadHandler.inMemory((metadata, bytes) -> getUI().ifPresent(ui ->
                ui.access(() -> tlsRoot.setValue(new String(bytes, StandardCharsets.US_ASCII))))));

        TextField registrarId = field("ca-registrar-id", new TextField(getTranslation("onboarding.ca.registrar-id")));
        registrarId.setId("onboarding-ca-registrar-id");
        registrarId.setRequiredIndicatorVisible(true);
        registrarId.setValue(Objects.requireNonNullElse(draft.caRegistrarId(), ""));
        PasswordField registrarSecret = field("ca-registrar-secret",
                new PasswordField(getTranslation("onboarding.ca.registrar-secret")));
        registrarSecret.setId("onboarding-ca-registrar-secret");
        registrarSecret.setHelperText(getTranslation(draft.caRegistrarSecretStored()
                ? "onboarding.secret.stored"
                : "onboarding.secret.new"));
        TextField affiliation = field("ca-affiliation", new TextField(getTranslation("onboarding.ca.affiliation")));
        affiliation.setId("onboarding-ca-affiliation");
        affiliation.setHelperText(getTranslation("onboarding.ca.affiliation.help"));
        affiliation.setValue(Objects.requireNonNullElse(draft.caAffiliation(), ""));

        Button save = new Button(getTranslation("onboarding.check-and-continue"), event -> wizard.save(this,
                () -> wizard.service().saveCertificateAuthority(draft.id(), url.getValue(), caName.getValue(),
                        tlsRoot.getValue(), registrarId.getValue(), registrarSecret.getValue(), affiliation.getValue()),
                true));
        save.setId("onboarding-save-certificate-authority");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new H2(getTranslation("onboarding.step.certificate-authority")), url, caName, tlsRoot, tlsRootUpload,
                registrarId, registrarSecret, affiliation);
        if (!draft.caChainSubjects().isEmpty()) {
            UnorderedList chain = new UnorderedList();
            chain.setId("onboarding-ca-chain");
            draft.caChainSubjects().forEach(subject -> chain.add(new ListItem(subject)));
            add(new Paragraph(getTranslation("onboarding.ca.chain")), chain);
        }
        add(errorParagraph(), save);
    }
}
