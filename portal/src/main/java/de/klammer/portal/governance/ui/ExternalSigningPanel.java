package de.klammer.portal.governance.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import de.klammer.portal.governance.ExternalSignatureService;
import de.klammer.portal.governance.SignatureImportResult;
import de.klammer.portal.ledger.LedgerUnavailableException;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Signing outside the portal for the signed-in user's authority: downloads of the update as the protobuf envelope
 * that {@code peer channel signconfigtx} signs and as configtxlator JSON, and the upload of the signed envelope.
 * The result line names every reason of a rejection.
 */
class ExternalSigningPanel extends Div {

    private final ExternalSignatureService service;
    private final UUID proposalId;
    private final Consumer<SignatureImportResult> onImported;
    private final Paragraph result = new Paragraph();

    ExternalSigningPanel(
            ExternalSignatureService service,
            UUID proposalId,
            String mspId,
            Consumer<SignatureImportResult> onImported) {
        this.service = service;
        this.proposalId = proposalId;
        this.onImported = onImported;
        setId("external-signing");
        H2 heading = new H2(getTranslation("signatures.heading", mspId));
        heading.setId("external-signing-heading");
        Paragraph help = new Paragraph(getTranslation("signatures.help", mspId));
        HorizontalLayout downloads = new HorizontalLayout(
                Downloads.link("signatures-download-pb", getTranslation("signatures.download-pb"),
                        proposalId + ".pb", "application/octet-stream",
                        () -> service.exportEnvelope(proposalId).content()),
                Downloads.link("signatures-download-json", getTranslation("signatures.download-json"),
                        proposalId + ".json", "application/json",
                        () -> service.exportJson(proposalId).content()));
        Span uploadLabel = new Span(getTranslation("signatures.upload-label",
                ExternalSignatureService.MAX_ENVELOPE_BYTES / 1024));
        uploadLabel.setId("signatures-upload-label");
        result.setId("signatures-import-result");
        result.getElement().setAttribute("aria-live", "polite");
        result.getStyle().set("white-space", "pre-wrap");
        add(heading, help, downloads, uploadLabel, createUpload(), result);
    }

    private Upload createUpload() {
        Upload upload = new Upload();
        upload.setId("signatures-upload");
        upload.getElement().setAttribute("aria-labelledby", "signatures-upload-label");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(ExternalSignatureService.MAX_ENVELOPE_BYTES);
        upload.setAcceptedFileTypes(".pb", ".tx", ".block", "application/octet-stream");
        upload.addFileRejectedListener(event -> showResult(getTranslation("signatures.file-rejected",
                ExternalSignatureService.MAX_ENVELOPE_BYTES / 1024, event.getErrorMessage())));
        upload.setUploadHandler(UploadHandler.inMemory((metadata, bytes) -> getUI().ifPresent(ui -> ui.access(
                () -> importEnvelope(bytes)))));
        return upload;
    }

    private void importEnvelope(byte[] envelope) {
        try {
            SignatureImportResult imported = service.importSignedEnvelope(proposalId, envelope);
            if (imported.accepted()) {
                onImported.accept(imported);
            } else {
                showResult(getTranslation("signatures.rejected", String.join("\n", imported.reasons())));
            }
        } catch (IllegalArgumentException | IllegalStateException e) {
            showResult(getTranslation("signatures.not-possible", e.getMessage()));
        } catch (LedgerUnavailableException e) {
            showResult(getTranslation("ledger.unavailable", e.getMessage()));
        }
    }

    private void showResult(String message) {
        result.setText(message);
    }
}
