package de.klammer.portal.identity.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AccessDeniedErrorRouter;
import de.klammer.portal.identity.LedgerIdentityDetails;
import de.klammer.portal.identity.LedgerIdentityService;
import de.klammer.portal.shell.ui.MainLayout;
import jakarta.annotation.security.RolesAllowed;

/** The ledger identities of the user's authority; a clerk sees their own requests. */
@Route(value = "identities", layout = MainLayout.class)
@RolesAllowed({"CLERK", "AUTHORITY_ADMIN", "DPO", "AUDITOR"})
@AccessDeniedErrorRouter
class LedgerIdentityListView extends VerticalLayout implements HasDynamicTitle {

    LedgerIdentityListView(LedgerIdentityService identities) {
        setId("identity-list-view");
        add(new H1(getTranslation("identity.list.heading")));
        add(createGrid(identities));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("identity.list.heading");
    }

    private Grid<LedgerIdentityDetails> createGrid(LedgerIdentityService identities) {
        Grid<LedgerIdentityDetails> grid = new Grid<>();
        grid.setId("identity-grid");
        grid.setAriaLabel(getTranslation("identity.list.heading"));
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(LedgerIdentityDetails::enrollmentId)
                .setHeader(getTranslation("identity.enrollment-id"))
                .setAutoWidth(true);
        grid.addColumn(identity -> IdentityTexts.kind(this, identity.kind()))
                .setHeader(getTranslation("identity.kind"));
        grid.addColumn(identity -> IdentityTexts.roles(this, identity.roles()))
                .setHeader(getTranslation("identity.roles"))
                .setFlexGrow(2);
        grid.addColumn(identity -> IdentityTexts.status(this, identity.status()))
                .setHeader(getTranslation("identity.status"))
                .setAutoWidth(true);
        grid.addColumn(LedgerIdentityDetails::requester).setHeader(getTranslation("identity.requester"));
        grid.addColumn(identity -> IdentityTexts.dateTime(identity.createdAt(), getLocale()))
                .setHeader(getTranslation("identity.created-at"))
                .setAutoWidth(true);
        grid.setItems(identities.list());
        grid.addSelectionListener(event -> event.getFirstSelectedItem()
                .ifPresent(identity -> getUI().ifPresent(
                        ui -> ui.navigate(LedgerIdentityDetailsView.class, identity.id().toString()))));
        grid.setEmptyStateText(getTranslation("identity.list.empty"));
        return grid;
    }
}
