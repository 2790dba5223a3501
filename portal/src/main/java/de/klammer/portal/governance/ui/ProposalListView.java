package de.klammer.portal.governance.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AccessDeniedErrorRouter;
import de.klammer.portal.governance.ProposalService;
import de.klammer.portal.governance.ProposalSummary;
import de.klammer.portal.security.CurrentUser;
import de.klammer.portal.security.PortalRole;
import de.klammer.portal.shell.ui.MainLayout;
import jakarta.annotation.security.RolesAllowed;

/** Start page: all proposals, newest first. */
@Route(value = "", layout = MainLayout.class)
@RolesAllowed({"BOARD_MEMBER", "AUTHORITY_ADMIN", "DPO", "AUDITOR"})
@AccessDeniedErrorRouter
class ProposalListView extends VerticalLayout implements HasDynamicTitle {

    ProposalListView(ProposalService proposals, CurrentUser currentUser) {
        setId("proposal-list-view");
        add(new H1(getTranslation("proposals.heading")));
        if (currentUser.require().hasRole(PortalRole.BOARD_MEMBER)) {
            Button create = new Button(
                    getTranslation("proposals.new"), event -> getUI().ifPresent(ui -> ui.navigate(ProposalForm.class)));
            create.setId("new-proposal");
            create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            add(create);
        }
        add(createGrid(proposals));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("proposals.title");
    }

    private Grid<ProposalSummary> createGrid(ProposalService proposals) {
        Grid<ProposalSummary> grid = new Grid<>();
        grid.setId("proposal-grid");
        grid.setAriaLabel(getTranslation("proposals.heading"));
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(ProposalSummary::reference).setHeader(getTranslation("proposal.reference")).setAutoWidth(true);
        grid.addColumn(ProposalSummary::title).setHeader(getTranslation("proposal.title")).setFlexGrow(2);
        grid.addColumn(ProposalSummary::changePath).setHeader(getTranslation("proposal.change-path")).setAutoWidth(true);
        grid.addColumn(summary -> getTranslation("status." + summary.status().databaseValue()))
                .setHeader(getTranslation("proposal.status"))
                .setAutoWidth(true);
        grid.addColumn(summary -> summary.proposerPseudonym() + " (" + summary.proposerAuthorityCode() + ")")
                .setHeader(getTranslation("proposal.proposer"))
                .setAutoWidth(true);
        grid.addColumn(ProposalSummary::approvalCount).setHeader(getTranslation("proposal.approval-count"));
        grid.addColumn(summary -> Formats.dateTime(summary.createdAt(), getLocale()))
                .setHeader(getTranslation("proposal.created-at"))
                .setAutoWidth(true);
        grid.setItems(proposals.listProposals());
        grid.addSelectionListener(event -> event.getFirstSelectedItem().ifPresent(this::openDetails));
        grid.setEmptyStateText(getTranslation("proposals.empty"));
        return grid;
    }

    private void openDetails(ProposalSummary summary) {
        getUI().ifPresent(ui -> ui.navigate(ProposalDetailsView.class, summary.id().toString()));
    }
}
