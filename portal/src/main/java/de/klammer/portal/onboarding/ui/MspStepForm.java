package de.klammer.portal.onboarding.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import de.klammer.portal.onboarding.MspFormat;
import de.klammer.portal.onboarding.OnboardingDraft;
import de.klammer.portal.onboarding.OnboardingService;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Step (d): the MSP definition, uploaded as a zip of an MSP folder, as a zip of a configtx.yaml with its MSP folder,
 * or as configtxlator JSON, which can also be pasted.
 */
class MspStepForm extends StepForm {

    private @Nullable ReceivedFile received;

    /** An uploaded file, kept until the upload has finished. */
    private record ReceivedFile(String name, byte[] bytes) {}

    MspStepForm(WizardContext wizard) {
        super("onboarding-msp-step");
        OnboardingDraft draft = wizard.draft();
        RadioButtonGroup<MspFormat> format = new RadioButtonGroup<>(getTranslation("onboarding.msp.format"));
        format.setId("onboarding-msp-format");
        format.setItems(MspFormat.values());
        format.setItemLabelGenerator(item -> getTranslation("onboarding.msp.format." + item.databaseValue()));
        format.setValue(Objects.requireNonNullElse(draft.mspFormat(), MspFormat.MSP_ZIP));

        TextField organization = field("msp-organization",
                new TextField(getTranslation("onboarding.msp.organization")));
        organization.setId("onboarding-msp-organization");
        organization.setHelperText(getTranslation("onboarding.msp.organization.help"));
        organization.setValue(Objects.requireNonNullElse(draft.mspOrganization(), ""));

        TextArea json = new TextArea(getTranslation("onboarding.msp.json"));
        json.setId("onboarding-msp-json");
        json.setWidth("40em");
        Button useJson = new Button(getTranslation("onboarding.msp.json.use"), event -> wizard.save(this,
                () -> wizard.service().saveMspDefinition(draft.id(), MspFormat.CONFIGTXLATOR_JSON, "pasted.json",
                        json.getValue().getBytes(StandardCharsets.UTF_8), null),
                false));
        useJson.setId("onboarding-msp-json-use");

        Upload upload = new Upload();
        upload.setId("onboarding-msp-upload");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(OnboardingService.MAX_MSP_UPLOAD_BYTES);
        upload.setAcceptedFileTypes(".zip", ".json", "application/zip", "application/json");
        upload.addFileRejectedListener(event -> showError("msp-upload", getTranslation("onboarding.msp.rejected",
                event.getFileName(), OnboardingService.MAX_MSP_UPLOAD_BYTES, event.getErrorMessage())));
        // The handler runs in the upload request and only keeps the file. The all-finished event comes later in a UI
        // round trip, so the next step it renders reaches the browser.
        upload.setUploadHandler(UploadHandler.inMemory((metadata, bytes) -> getUI().ifPresent(ui -> ui.access(
                () -> received = new ReceivedFile(metadata.fileName(), bytes)))));
        upload.addAllFinishedListener(event -> {
            ReceivedFile file = received;
            received = null;
            if (file != null) {
                wizard.save(this, () -> wizard.service().saveMspDefinition(draft.id(), format.getValue(), file.name(),
                        file.bytes(), organization.getValue()), false);
            }
        });

        add(new H2(getTranslation("onboarding.step.msp-definition")),
                new Paragraph(getTranslation("onboarding.msp.explanation", OnboardingService.MAX_MSP_UPLOAD_BYTES)),
                format, organization, new Paragraph(getTranslation("onboarding.msp.upload")), upload, json, useJson);
        if (draft.mspFileName() != null) {
            Paragraph stored = new Paragraph(getTranslation("onboarding.msp.stored", draft.mspFileName()));
            stored.setId("onboarding-msp-stored");
            Button next = new Button(getTranslation("onboarding.continue"),
                    event -> wizard.show(de.klammer.portal.onboarding.OnboardingStep.VALIDATION));
            next.setId("onboarding-msp-continue");
            add(stored, next);
        }
        add(errorParagraph());
    }
}
