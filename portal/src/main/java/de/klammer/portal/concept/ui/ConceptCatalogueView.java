package de.klammer.portal.concept.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AccessDeniedErrorRouter;
import de.klammer.portal.concept.ConceptModel;
import de.klammer.portal.concept.ConceptModel.AuthorityEntry;
import de.klammer.portal.concept.ConceptModel.Role;
import de.klammer.portal.concept.ConceptModel.SodRule;
import de.klammer.portal.concept.ConceptModel.StatusType;
import de.klammer.portal.concept.ConceptModel.SubProcess;
import de.klammer.portal.concept.ConceptRuleViolationException;
import de.klammer.portal.concept.ConceptService;
import de.klammer.portal.concept.ConceptVersion;
import de.klammer.portal.shell.ui.MainLayout;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.access.AccessDeniedException;

/**
 * The catalogue of the working version: authorities with their types, sub-processes, status types, roles and
 * separation-of-duties rules, each with a form that adds to the draft. Board members and administrators of the
 * network operator may add; the service enforces it.
 */
@Route(value = "concept/catalogue", layout = MainLayout.class)
@RolesAllowed({"BOARD_MEMBER", "AUTHORITY_ADMIN", "DPO", "AUDITOR"})
@AccessDeniedErrorRouter
class ConceptCatalogueView extends VerticalLayout implements HasDynamicTitle {

    private static final String TYPE_PREFIX = "type:";

    private final ConceptService concept;

    ConceptCatalogueView(ConceptService concept) {
        this.concept = concept;
        setId("concept-catalogue-view");
        build();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("concept.catalogue.heading");
    }

    private void build() {
        removeAll();
        ConceptVersion version = concept.workingVersion();
        ConceptModel model = concept.model(version.id());
        String versionKey = version.isDraft() ? "concept.version.draft" : "concept.version.applied";
        add(new H1(getTranslation("concept.catalogue.heading")),
                new Paragraph(getTranslation(versionKey, version.number())));
        add(new H2(getTranslation("concept.catalogue.authorities")), createAuthorities(model));
        add(new H2(getTranslation("concept.catalogue.sub-processes")), createSubProcesses(model));
        add(new H2(getTranslation("concept.catalogue.status-types")), createStatusTypes(model));
        add(new H2(getTranslation("concept.catalogue.roles")), createRoles(model));
        add(new H2(getTranslation("concept.catalogue.sod-rules")), createSodRules(model));
    }

    private Component createAuthorities(ConceptModel model) {
        Grid<AuthorityEntry> grid = grid("concept-authorities", "concept.catalogue.authorities");
        grid.addColumn(AuthorityEntry::code).setHeader(getTranslation("concept.code"));
        grid.addColumn(AuthorityEntry::mspId).setHeader(getTranslation("org.msp-id"));
        grid.addColumn(AuthorityEntry::type).setHeader(getTranslation("concept.authority-type"));
        grid.setItems(model.authorities());
        ComboBox<String> authority = new ComboBox<>(getTranslation("concept.authority"));
        authority.setItems(model.authorities().stream().map(AuthorityEntry::code).toList());
        ComboBox<String> type = new ComboBox<>(getTranslation("concept.authority-type"));
        type.setItems(concept.authorityTypes());
        Button set = new Button(getTranslation("concept.catalogue.set-type"), event -> run(authority,
                () -> concept.setAuthorityType(value(authority), value(type))));
        TextField newType = new TextField(getTranslation("concept.catalogue.new-type"));
        Button add = new Button(getTranslation("concept.catalogue.add"),
                event -> run(newType, () -> concept.addAuthorityType(newType.getValue().trim())));
        return new VerticalLayout(grid, row(authority, type, set), row(newType, add));
    }

    private Component createSubProcesses(ConceptModel model) {
        Grid<SubProcess> grid = grid("concept-sub-processes", "concept.catalogue.sub-processes");
        grid.addColumn(SubProcess::code).setHeader(getTranslation("concept.code"));
        grid.addColumn(SubProcess::name).setHeader(getTranslation("concept.name"));
        grid.setItems(model.subProcesses());
        TextField code = codeField("concept-new-sub-process-code");
        TextField name = new TextField(getTranslation("concept.name"));
        Button add = new Button(getTranslation("concept.catalogue.add"),
                event -> run(code, () -> concept.addSubProcess(new SubProcess(code.getValue().trim(), name.getValue()))));
        return new VerticalLayout(grid, row(code, name, add));
    }

    private Component createStatusTypes(ConceptModel model) {
        Grid<StatusType> grid = grid("concept-status-types", "concept.catalogue.status-types");
        grid.addColumn(StatusType::code).setHeader(getTranslation("concept.code"));
        grid.addColumn(StatusType::name).setHeader(getTranslation("concept.name"));
        grid.addColumn(StatusType::subProcessCode).setHeader(getTranslation("concept.sub-process"));
        grid.setItems(model.statusTypes());
        TextField code = codeField("concept-new-status-type-code");
        TextField name = new TextField(getTranslation("concept.name"));
        ComboBox<String> subProcess = new ComboBox<>(getTranslation("concept.sub-process"));
        subProcess.setItems(model.subProcesses().stream().map(SubProcess::code).toList());
        Button add = new Button(getTranslation("concept.catalogue.add"), event -> run(code, () -> concept.addStatusType(
                new StatusType(code.getValue().trim(), value(subProcess), name.getValue()))));
        return new VerticalLayout(grid, row(code, name, subProcess, add));
    }

    private Component createRoles(ConceptModel model) {
        Grid<Role> grid = grid("concept-roles", "concept.catalogue.roles");
        grid.addColumn(Role::code).setHeader(getTranslation("concept.code"));
        grid.addColumn(Role::name).setHeader(getTranslation("concept.name"));
        grid.addColumn(role -> role.authorityType() != null
                        ? getTranslation("concept.scope.type", role.authorityType())
                        : getTranslation("concept.scope.authority", role.authorityCode()))
                .setHeader(getTranslation("concept.scope"));
        grid.addColumn(role -> String.join(", ", role.components())).setHeader(getTranslation("concept.components"));
        grid.setItems(model.roles());
        TextField code = codeField("concept-new-role-code");
        TextField name = new TextField(getTranslation("concept.name"));
        ComboBox<String> scope = new ComboBox<>(getTranslation("concept.scope"));
        List<String> scopes = new ArrayList<>();
        concept.authorityTypes().forEach(type -> scopes.add(TYPE_PREFIX + type));
        model.authorities().forEach(authority -> scopes.add(authority.code()));
        scope.setItems(scopes);
        scope.setItemLabelGenerator(item -> item.startsWith(TYPE_PREFIX)
                ? getTranslation("concept.scope.type", item.substring(TYPE_PREFIX.length()))
                : getTranslation("concept.scope.authority", item));
        MultiSelectComboBox<String> components = new MultiSelectComboBox<>(getTranslation("concept.components"));
        components.setItems(model.roles().stream().map(Role::code).toList());
        Button save = new Button(getTranslation("concept.catalogue.save-role"), event -> run(code, () -> {
            String selected = value(scope);
            boolean isType = selected.startsWith(TYPE_PREFIX);
            concept.saveRole(new Role(code.getValue().trim(), name.getValue(),
                    isType ? selected.substring(TYPE_PREFIX.length()) : null, isType ? null : selected,
                    List.copyOf(components.getSelectedItems())));
        }));
        return new VerticalLayout(grid, row(code, name, scope, components, save));
    }

    private Component createSodRules(ConceptModel model) {
        Grid<SodRule> grid = grid("concept-sod-rules", "concept.catalogue.sod-rules");
        grid.addColumn(SodRule::firstRole).setHeader(getTranslation("concept.sod.first"));
        grid.addColumn(SodRule::secondRole).setHeader(getTranslation("concept.sod.second"));
        grid.addColumn(rule -> rule.subProcessCode() == null ? "" : rule.subProcessCode())
                .setHeader(getTranslation("concept.sub-process"));
        grid.addColumn(SodRule::reason).setHeader(getTranslation("concept.sod.reason"));
        grid.setItems(model.sodRules());
        List<String> roles = model.roles().stream().map(Role::code).toList();
        ComboBox<String> first = new ComboBox<>(getTranslation("concept.sod.first"), roles);
        ComboBox<String> second = new ComboBox<>(getTranslation("concept.sod.second"), roles);
        ComboBox<String> subProcess = new ComboBox<>(getTranslation("concept.sod.sub-process"),
                model.subProcesses().stream().map(SubProcess::code).toList());
        subProcess.setClearButtonVisible(true);
        TextField reason = new TextField(getTranslation("concept.sod.reason"));
        Button add = new Button(getTranslation("concept.catalogue.add"), event -> run(first, () -> concept.addSodRule(
                new SodRule(value(first), value(second), subProcess.getValue(), reason.getValue()))));
        return new VerticalLayout(grid, row(first, second, subProcess, reason, add));
    }

    private <T> Grid<T> grid(String id, String labelKey) {
        Grid<T> grid = new Grid<>();
        grid.setId(id);
        grid.setAriaLabel(getTranslation(labelKey));
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        return grid;
    }

    private TextField codeField(String id) {
        TextField code = new TextField(getTranslation("concept.code"));
        code.setHelperText(getTranslation("concept.code.help"));
        code.setId(id);
        return code;
    }

    private static HorizontalLayout row(Component... components) {
        HorizontalLayout row = new HorizontalLayout(components);
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        row.setWrap(true);
        return row;
    }

    private String value(ComboBox<String> field) {
        if (field.getValue() == null) {
            throw new ConceptRuleViolationException(getTranslation("concept.field.required", field.getLabel()));
        }
        return field.getValue();
    }

    /** Runs a change; shows a rejection at the field and keeps the input, or rebuilds the page on success. */
    private void run(HasValidation field, Runnable change) {
        try {
            change.run();
        } catch (ConceptRuleViolationException | AccessDeniedException e) {
            field.setErrorMessage(e.getMessage());
            field.setInvalid(true);
            return;
        }
        Notification.show(getTranslation("concept.catalogue.saved"), 4000, Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        build();
    }
}
