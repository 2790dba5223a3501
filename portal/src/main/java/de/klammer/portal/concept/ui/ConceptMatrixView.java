package de.klammer.portal.concept.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AccessDeniedErrorRouter;
import de.klammer.portal.concept.Action;
import de.klammer.portal.concept.ConceptModel;
import de.klammer.portal.concept.ConceptModel.Right;
import de.klammer.portal.concept.ConceptRuleViolationException;
import de.klammer.portal.concept.ConceptService;
import de.klammer.portal.concept.ConceptVersion;
import de.klammer.portal.concept.MatrixFilter;
import de.klammer.portal.concept.MatrixRow;
import de.klammer.portal.security.CurrentUser;
import de.klammer.portal.security.PortalRole;
import de.klammer.portal.shell.ui.MainLayout;
import jakarta.annotation.security.RolesAllowed;
import java.util.Locale;
import org.springframework.security.access.AccessDeniedException;

/**
 * The rights matrix of the working version: one row per role and status type, with a checkbox per action. The grid
 * loads rows page by page from the database, so it stays fast with hundreds of roles; filters narrow the rows.
 */
@Route(value = "concept/matrix", layout = MainLayout.class)
@RolesAllowed({"BOARD_MEMBER", "AUTHORITY_ADMIN", "DPO", "AUDITOR"})
@AccessDeniedErrorRouter
class ConceptMatrixView extends VerticalLayout implements HasDynamicTitle {

    private final ConceptService concept;
    private final ConceptVersion version;
    private final boolean editable;
    private final TextField search = new TextField();
    private final ComboBox<String> role = new ComboBox<>();
    private final ComboBox<String> subProcess = new ComboBox<>();
    private final Checkbox grantedOnly = new Checkbox();
    private final Grid<MatrixRow> grid = new Grid<>();
    private final Span rowCount = new Span();

    ConceptMatrixView(ConceptService concept, CurrentUser currentUser) {
        this.concept = concept;
        this.version = concept.workingVersion();
        this.editable = version.isDraft() && currentUser.require().hasRole(PortalRole.BOARD_MEMBER);
        setId("concept-matrix-view");
        setSizeFull();
        ConceptModel model = concept.model(version.id());
        add(new H1(getTranslation("concept.matrix.heading")), createVersionLine(), createFilters(model), createGrid());
        refresh();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("concept.matrix.heading");
    }

    private Component createVersionLine() {
        String key = version.isDraft() ? "concept.version.draft" : "concept.version.applied";
        Paragraph line = new Paragraph(getTranslation(key, version.number()) + " "
                + getTranslation(editable ? "concept.matrix.editable" : "concept.matrix.read-only"));
        line.setId("concept-version");
        return line;
    }

    private Component createFilters(ConceptModel model) {
        search.setLabel(getTranslation("concept.matrix.search"));
        search.setHelperText(getTranslation("concept.matrix.search.help"));
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setId("concept-matrix-search");
        role.setLabel(getTranslation("concept.role"));
        role.setItems(model.roles().stream().map(ConceptModel.Role::code).toList());
        role.setClearButtonVisible(true);
        role.setId("concept-matrix-role");
        subProcess.setLabel(getTranslation("concept.sub-process"));
        subProcess.setItems(model.subProcesses().stream().map(ConceptModel.SubProcess::code).toList());
        subProcess.setItemLabelGenerator(code -> model.subProcesses().stream()
                .filter(candidate -> candidate.code().equals(code))
                .findFirst()
                .map(candidate -> candidate.name() + " (" + code + ")")
                .orElse(code));
        subProcess.setClearButtonVisible(true);
        subProcess.setId("concept-matrix-sub-process");
        grantedOnly.setLabel(getTranslation("concept.matrix.granted-only"));
        grantedOnly.setId("concept-matrix-granted-only");
        search.addValueChangeListener(event -> refresh());
        role.addValueChangeListener(event -> refresh());
        subProcess.addValueChangeListener(event -> refresh());
        grantedOnly.addValueChangeListener(event -> refresh());
        // A status message, so that screen readers announce how many rows the filters leave (WCAG 4.1.3).
        rowCount.setId("concept-matrix-count");
        rowCount.getElement().setAttribute("role", "status");
        HorizontalLayout filters = new HorizontalLayout(search, role, subProcess, grantedOnly, rowCount);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);
        return filters;
    }

    private Component createGrid() {
        grid.setId("concept-matrix-grid");
        grid.setAriaLabel(getTranslation("concept.matrix.heading"));
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setPageSize(100);
        grid.addColumn(row -> row.roleName() + " (" + row.roleCode() + ")")
                .setHeader(getTranslation("concept.role"))
                .setFlexGrow(2);
        grid.addColumn(row -> row.statusTypeName() + " (" + row.statusTypeCode() + ")")
                .setHeader(getTranslation("concept.status-type"))
                .setFlexGrow(2);
        grid.addColumn(MatrixRow::subProcessCode).setHeader(getTranslation("concept.sub-process"));
        for (Action action : Action.values()) {
            grid.addComponentColumn(row -> createCell(row, action))
                    .setHeader(getTranslation("concept.action." + action.code()))
                    .setFlexGrow(0)
                    .setWidth("8em");
        }
        grid.setSizeFull();
        return grid;
    }

    /** Shows the role's own right as a checkbox and, in words, a right it inherits through a composite. */
    private Component createCell(MatrixRow row, Action action) {
        Checkbox checkbox = createCheckbox(row, action);
        if (!row.inherits(action)) {
            return checkbox;
        }
        Span inherited = new Span(getTranslation("concept.matrix.inherited"));
        inherited.setId("inherited-" + row.roleCode() + "-" + row.statusTypeCode() + "-" + action.code());
        inherited.getElement().setAttribute("title", getTranslation("concept.matrix.inherited-help"));
        checkbox.setAriaLabel(checkbox.getAriaLabel().orElse("") + ", "
                + getTranslation("concept.matrix.inherited-help"));
        HorizontalLayout cell = new HorizontalLayout(checkbox, inherited);
        cell.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        cell.setSpacing(true);
        cell.setPadding(false);
        return cell;
    }

    private Checkbox createCheckbox(MatrixRow row, Action action) {
        Checkbox checkbox = new Checkbox(row.holds(action));
        checkbox.setAriaLabel(getTranslation("concept.matrix.cell", getTranslation("concept.action." + action.code()),
                row.statusTypeName(), row.roleName()));
        checkbox.setId("right-" + row.roleCode() + "-" + row.statusTypeCode() + "-" + action.code());
        checkbox.setReadOnly(!editable);
        checkbox.addValueChangeListener(event -> {
            if (!event.isFromClient()) {
                return;
            }
            try {
                concept.setRight(new Right(row.roleCode(), row.statusTypeCode(), action), event.getValue());
            } catch (ConceptRuleViolationException | AccessDeniedException e) {
                checkbox.setValue(event.getOldValue());
                Notification.show(e.getMessage(), 8000, Notification.Position.MIDDLE)
                        .addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        });
        return checkbox;
    }

    private void refresh() {
        MatrixFilter filter = new MatrixFilter(search.getValue().toLowerCase(Locale.ROOT), role.getValue(),
                subProcess.getValue(), grantedOnly.getValue());
        // Counted once per filter change, for the grid and the status line alike.
        int rows = concept.countMatrix(version.id(), filter);
        grid.setItems(
                query -> concept.matrix(version.id(), filter, query.getOffset(), query.getLimit()).stream(),
                query -> rows);
        rowCount.setText(search.getValue().isBlank()
                ? getTranslation("concept.matrix.count", rows)
                : getTranslation("concept.matrix.count-search", rows, search.getValue()));
    }
}
