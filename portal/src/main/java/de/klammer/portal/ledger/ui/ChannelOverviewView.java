package de.klammer.portal.ledger.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AccessDeniedErrorRouter;
import de.klammer.portal.ledger.ChannelService;
import de.klammer.portal.ledger.ChannelView;
import de.klammer.portal.ledger.LedgerUnavailableException;
import de.klammer.portal.ledger.OrganizationView;
import de.klammer.portal.ledger.PolicyView;
import de.klammer.portal.shell.ui.MainLayout;
import jakarta.annotation.security.RolesAllowed;

/** The governed channel as the ledger has it now: organisations with their MSP facts, and all policies. */
@Route(value = "channel", layout = MainLayout.class)
@RolesAllowed({"BOARD_MEMBER", "AUTHORITY_ADMIN", "DPO", "AUDITOR"})
@AccessDeniedErrorRouter
class ChannelOverviewView extends VerticalLayout implements HasDynamicTitle {

    ChannelOverviewView(ChannelService channels) {
        setId("channel-view");
        try {
            ChannelView channel = channels.readChannel();
            add(new H1(getTranslation("channel.heading", channel.channel())),
                    createSummary(channel),
                    new H2(getTranslation("channel.organizations")),
                    createOrganizationGrid(channel),
                    new H2(getTranslation("channel.policies")),
                    createPolicyGrid(channel));
        } catch (LedgerUnavailableException e) {
            Paragraph unavailable = new Paragraph(getTranslation("ledger.unavailable", e.getMessage()));
            unavailable.setId("channel-unavailable");
            add(new H1(getTranslation("channel.title")), unavailable);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("channel.title");
    }

    private Component createSummary(ChannelView channel) {
        Paragraph summary =
                new Paragraph(getTranslation("channel.summary", channel.sequence(), channel.configBlockNumber()));
        summary.setId("channel-summary");
        return summary;
    }

    private Grid<OrganizationView> createOrganizationGrid(ChannelView channel) {
        Grid<OrganizationView> grid = new Grid<>();
        grid.setId("organization-grid");
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAriaLabel(getTranslation("channel.organizations"));
        grid.setAllRowsVisible(true);
        grid.addColumn(OrganizationView::mspId).setHeader(getTranslation("org.msp-id")).setAutoWidth(true);
        grid.addColumn(OrganizationView::groupPath).setHeader(getTranslation("org.group-path")).setAutoWidth(true);
        grid.addColumn(org -> String.join("; ", org.rootCaSubjects()))
                .setHeader(getTranslation("org.root-ca-subjects"))
                .setFlexGrow(2);
        grid.addColumn(org -> String.join("; ", org.rootCaFingerprints()))
                .setHeader(getTranslation("org.root-ca-fingerprints"))
                .setFlexGrow(2);
        grid.addColumn(OrganizationView::adminCount).setHeader(getTranslation("org.admin-count"));
        grid.addColumn(org -> getTranslation(org.nodeOusEnabled() ? "common.yes" : "common.no"))
                .setHeader(getTranslation("org.node-ous"));
        grid.addColumn(OrganizationView::crlCount).setHeader(getTranslation("org.crl-count"));
        grid.setItems(channel.organizations());
        return grid;
    }

    private Grid<PolicyView> createPolicyGrid(ChannelView channel) {
        Grid<PolicyView> grid = new Grid<>();
        grid.setId("policy-grid");
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAriaLabel(getTranslation("channel.policies"));
        grid.setAllRowsVisible(true);
        grid.addColumn(PolicyView::path).setHeader(getTranslation("policy.path")).setAutoWidth(true);
        grid.addColumn(PolicyView::kind).setHeader(getTranslation("policy.kind")).setAutoWidth(true);
        grid.addColumn(PolicyView::text).setHeader(getTranslation("policy.rule")).setFlexGrow(2);
        grid.addColumn(PolicyView::modPolicy).setHeader(getTranslation("policy.mod-policy")).setAutoWidth(true);
        grid.addColumn(PolicyView::version).setHeader(getTranslation("policy.version"));
        grid.setItems(channel.policies());
        return grid;
    }
}
