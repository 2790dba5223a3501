package de.klammer.portal.concept.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AccessDeniedErrorRouter;
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
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.access.AccessDeniedException;

/**
 * Imports a role catalogue into the draft from a pasted Keycloak realm export or CSV. The pasted text is parsed and
 * dropped; only role codes, names, composites and rights are stored.
 */
@Route(value = "concept/import", layout = MainLayout.class)
@RolesAllowed({"BOARD_MEMBER", "AUTHORITY_ADMIN"})
@AccessDeniedErrorRouter
class ConceptImportView extends VerticalLayout implements HasDynamicTitle {

    private static final String KEYCLOAK = "keycloak";
    private static final String CSV = "csv";
    private static final String TYPE_PREFIX = "type:";

    private final ConceptImportService imports;
    private final RadioButtonGroup<String> format = new RadioButtonGroup<>();
    private final ComboBox<String> scope = new ComboBox<>();
    private final TextArea content = new TextArea();
    private final VerticalLayout result = new VerticalLayout();

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
        add(new H1(getTranslation("concept.import.heading")), format, scope, content, submit, result);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("concept.import.heading");
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
        if (content.getValue().isBlank()) {
            content.setErrorMessage(getTranslation("concept.import.content.required"));
            content.setInvalid(true);
            return;
        }
        String type = scope.getValue().startsWith(TYPE_PREFIX) ? scope.getValue().substring(TYPE_PREFIX.length()) : null;
        String authority = type == null ? scope.getValue() : null;
        try {
            ImportResult imported = KEYCLOAK.equals(format.getValue())
                    ? imports.importKeycloak(new ByteArrayInputStream(content.getValue().getBytes(StandardCharsets.UTF_8)),
                            type, authority)
                    : imports.importCsv(new StringReader(content.getValue()), type, authority);
            content.clear();
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
