package de.klammer.portal.concept.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AccessDeniedErrorRouter;
import com.vaadin.flow.server.streams.UploadHandler;
import de.klammer.portal.concept.ConceptImportService;
import de.klammer.portal.concept.ConceptModel.AuthorityEntry;
import de.klammer.portal.concept.ConceptRuleViolationException;
import de.klammer.portal.concept.ConceptService;
import de.klammer.portal.concept.ImportResult;
import de.klammer.portal.concept.RoleImportException;
import de.klammer.portal.shell.ui.MainLayout;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;

/**
 * Imports a role catalogue into the draft from a Keycloak realm export or CSV, uploaded as a file or pasted. The text
 * is parsed and dropped; only role codes, names, composites and rights are stored. An uploaded file takes precedence
 * over pasted text until it is removed from the upload list.
 */
@Route(value = "concept/import", layout = MainLayout.class)
@RolesAllowed({"BOARD_MEMBER", "AUTHORITY_ADMIN"})
@AccessDeniedErrorRouter
class ConceptImportView extends VerticalLayout implements HasDynamicTitle {

    private static final String KEYCLOAK = "keycloak";
    private static final String CSV = "csv";
    private static final String TYPE_PREFIX = "type:";

    /**
     * Maximum size of an uploaded file. Role catalogues are small, but a full Keycloak realm export also contains
     * users and clients. The view keeps the file in memory until it is imported or removed.
     */
    static final int MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

    private final ConceptImportService imports;
    private final RadioButtonGroup<String> format = new RadioButtonGroup<>();
    private final ComboBox<String> scope = new ComboBox<>();
    private final TextArea content = new TextArea();
    private final VerticalLayout result = new VerticalLayout();
    private final Upload upload = new Upload();
    private final Paragraph uploadStatus = new Paragraph();
    private @Nullable String uploadedText;

    ConceptImportView(ConceptImportService imports, ConceptService concept) {
        this.imports = imports;
        setId("concept-import-view");
        format.setLabel(getTranslation("concept.import.format"));
        format.setItems(KEYCLOAK, CSV);
        format.setItemLabelGenerator(item -> getTranslation("concept.import.format." + item));
        format.setValue(CSV);
        format.setId("concept-import-format");
        scope.setLabel(getTranslation("concept.import.scope"));
        scope.setHelperText(getTranslation("concept.import.scope.help"));
        scope.setItems(scopes(concept));
        scope.setItemLabelGenerator(this::scopeLabel);
        scope.setRequired(true);
        scope.setId("concept-import-scope");
        content.setLabel(getTranslation("concept.import.content"));
        content.setHelperText(getTranslation("concept.import.content.help"));
        content.setWidthFull();
        content.setMinHeight("12em");
        content.setId("concept-import-content");
        Button submit = new Button(getTranslation("concept.import.submit"), event -> submit());
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.setId("concept-import-submit");
        result.setPadding(false);
        result.setId("concept-import-result");
        add(new H1(getTranslation("concept.import.heading")), format, scope, createUpload(), content, submit, result);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("concept.import.heading");
    }

    private Component createUpload() {
        Paragraph label = new Paragraph(getTranslation("concept.import.upload", MAX_UPLOAD_BYTES / (1024 * 1024)));
        label.setId("concept-import-upload-label");
        upload.setId("concept-import-upload");
        upload.getElement().setAttribute("aria-labelledby", "concept-import-upload-label");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(MAX_UPLOAD_BYTES);
        upload.setAcceptedFileTypes(".json", ".csv", ".txt", "application/json", "text/csv", "text/plain");
        upload.addFileRejectedListener(event -> showUploadError(getTranslation(
                "concept.import.upload.rejected", event.getFileName(), MAX_UPLOAD_BYTES / (1024 * 1024))));
        upload.addFileRemovedListener(event -> clearUpload());
        upload.setUploadHandler(UploadHandler.inMemory((metadata, bytes) -> getUI().ifPresent(ui -> ui.access(
                () -> acceptUpload(metadata.fileName(), bytes)))));
        uploadStatus.setId("concept-import-upload-status");
        uploadStatus.getElement().setAttribute("role", "status");
        VerticalLayout section = new VerticalLayout(label, upload, uploadStatus);
        section.setPadding(false);
        section.setSpacing(false);
        return section;
    }

    /** Keeps the file's text for the import when it is UTF-8, and picks the format from a .json or .csv name. */
    private void acceptUpload(String fileName, byte[] bytes) {
        String text = decodeUtf8(bytes);
        if (text == null) {
            upload.clearFileList();
            showUploadError(getTranslation("concept.import.upload.unreadable", fileName));
            return;
        }
        uploadedText = text;
        String lowerName = fileName.toLowerCase(Locale.ROOT);
        if (lowerName.endsWith(".json")) {
            format.setValue(KEYCLOAK);
        } else if (lowerName.endsWith(".csv")) {
            format.setValue(CSV);
        }
        content.setInvalid(false);
        uploadStatus.setText(getTranslation("concept.import.upload.ready", fileName, bytes.length));
    }

    /** Decodes strict UTF-8 without a leading byte order mark, or returns null when the bytes are not UTF-8. */
    static @Nullable String decodeUtf8(byte[] bytes) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private void showUploadError(String message) {
        clearUpload();
        uploadStatus.setText(message);
        Notification.show(message, 8000, Notification.Position.MIDDLE)
                .addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    private void clearUpload() {
        uploadedText = null;
        uploadStatus.setText("");
    }

    private static List<String> scopes(ConceptService concept) {
        List<String> scopes = new ArrayList<>();
        concept.authorityTypes().forEach(type -> scopes.add(TYPE_PREFIX + type));
        concept.model(concept.workingVersion().id()).authorities().stream()
                .map(AuthorityEntry::code)
                .forEach(scopes::add);
        return scopes;
    }

    private String scopeLabel(String item) {
        return item.startsWith(TYPE_PREFIX)
                ? getTranslation("concept.scope.type", item.substring(TYPE_PREFIX.length()))
                : getTranslation("concept.scope.authority", item);
    }

    private void submit() {
        result.removeAll();
        scope.setInvalid(false);
        content.setInvalid(false);
        if (scope.getValue() == null) {
            scope.setErrorMessage(getTranslation("concept.import.scope.required"));
            scope.setInvalid(true);
            return;
        }
        String text = uploadedText != null ? uploadedText : content.getValue();
        if (text.isBlank()) {
            content.setErrorMessage(getTranslation("concept.import.content.required"));
            content.setInvalid(true);
            return;
        }
        String type = scope.getValue().startsWith(TYPE_PREFIX) ? scope.getValue().substring(TYPE_PREFIX.length()) : null;
        String authority = type == null ? scope.getValue() : null;
        try {
            ImportResult imported = KEYCLOAK.equals(format.getValue())
                    ? imports.importKeycloak(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                            type, authority)
                    : imports.importCsv(new StringReader(text), type, authority);
            content.clear();
            upload.clearFileList();
            clearUpload();
            result.add(message(getTranslation("concept.import.done", imported.importedRoles().size(),
                    imported.source())));
            result.add(list(imported.importedRoles()));
            if (!imported.skippedReferences().isEmpty()) {
                result.add(new Paragraph(getTranslation("concept.import.skipped")), list(imported.skippedReferences()));
            }
        } catch (RoleImportException e) {
            content.setErrorMessage(getTranslation("concept.import.rejected"));
            content.setInvalid(true);
            result.add(message(getTranslation("concept.import.rejected")), list(e.problems()));
        } catch (ConceptRuleViolationException | AccessDeniedException e) {
            content.setErrorMessage(e.getMessage());
            content.setInvalid(true);
        }
    }

    private static Component message(String text) {
        Paragraph paragraph = new Paragraph(text);
        paragraph.getElement().setAttribute("role", "status");
        return paragraph;
    }

    private static Component list(List<String> lines) {
        UnorderedList list = new UnorderedList();
        lines.forEach(line -> list.add(new ListItem(line)));
        return list;
    }
}
