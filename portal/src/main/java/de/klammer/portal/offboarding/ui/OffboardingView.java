package de.klammer.portal.offboarding.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AccessDeniedErrorRouter;
import de.klammer.portal.authority.Authority;
import de.klammer.portal.concept.ui.ConceptProposalForm;
import de.klammer.portal.ledger.ChangeRejectedException;
import de.klammer.portal.ledger.LedgerUnavailableException;
import de.klammer.portal.offboarding.Offboarding;
import de.klammer.portal.offboarding.OffboardingPreview;
import de.klammer.portal.offboarding.OffboardingService;
import de.klammer.portal.offboarding.OffboardingState;
import de.klammer.portal.offboarding.PreviewFinding;
import de.klammer.portal.security.CurrentUser;
import de.klammer.portal.security.PortalRole;
import de.klammer.portal.security.PortalUser;
import de.klammer.portal.shell.ui.MainLayout;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Locale;

/**
 * Offboarding of an authority. An authority administrator or board member picks an active authority and gets the
 * preview: the organisations that remain, every policy that they could no longer satisfy (blocking), and the
 * policies and ACLs that name the leaving organisation (warnings). A board member then proposes the removal. The list
 * below shows every offboarding with the state of its identity revocation, and a failed revocation can be retried.
 */
@Route(value = "offboarding", layout = MainLayout.class)
@RolesAllowed({"AUTHORITY_ADMIN", "BOARD_MEMBER", "AUDITOR", "NETWORK_OPERATOR"})
@AccessDeniedErrorRouter
class OffboardingView extends VerticalLayout implements HasDynamicTitle {

    private final OffboardingService offboardings;
    private final boolean mayPreview;
    private final boolean mayPropose;

    private final ComboBox<Authority> authority = new ComboBox<>();
    private final VerticalLayout previewArea = new VerticalLayout();
    private final Grid<Offboarding> grid = new Grid<>();

    OffboardingView(OffboardingService offboardings, CurrentUser currentUser) {
        this.offboardings = offboardings;
        PortalUser user = currentUser.require();
        this.mayPreview = user.hasRole(PortalRole.AUTHORITY_ADMIN) || user.hasRole(PortalRole.BOARD_MEMBER)
                || user.hasRole(PortalRole.NETWORK_OPERATOR);
        this.mayPropose = user.hasRole(PortalRole.BOARD_MEMBER);
        setId("offboarding-view");
        setMaxWidth("70rem");
        add(new H1(getTranslation("offboarding.heading")), new Paragraph(getTranslation("offboarding.intro")));
        if (mayPreview) {
            add(createAuthorityPicker());
            previewArea.setId("offboarding-preview");
            previewArea.setPadding(false);
            add(previewArea);
        }
        add(new H2(getTranslation("offboarding.list.heading")), createGrid());
        refreshGrid();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("offboarding.heading");
    }

    private Component createAuthorityPicker() {
        authority.setId("offboarding-authority");
        authority.setLabel(getTranslation("offboarding.authority"));
        authority.setHelperText(getTranslation("offboarding.authority.help"));
        authority.setRequiredIndicatorVisible(true);
        authority.setItemLabelGenerator(item -> item.name() + " (" + item.mspId() + ")");
        try {
            authority.setItems(offboardings.candidates());
        } catch (LedgerUnavailableException e) {
            authority.setInvalid(true);
            authority.setErrorMessage(getTranslation("ledger.unavailable", e.getMessage()));
        }
        authority.addValueChangeListener(event -> previewArea.removeAll());

        Button show = new Button(getTranslation("offboarding.preview"), event -> showPreview());
        show.setId("offboarding-show-preview");
        FormLayout picker = new FormLayout(authority, show);
        picker.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        return picker;
    }

    private void showPreview() {
        previewArea.removeAll();
        Authority selected = authority.getValue();
        authority.setInvalid(selected == null);
        if (selected == null) {
            authority.setErrorMessage(getTranslation("form.required"));
            return;
        }
        OffboardingPreview preview;
        try {
            preview = offboardings.preview(selected.id());
        } catch (ChangeRejectedException | IllegalArgumentException e) {
            authority.setErrorMessage(getTranslation("offboarding.preview.failed", selected.code(), e.getMessage()));
            authority.setInvalid(true);
            return;
        } catch (LedgerUnavailableException e) {
            showError(getTranslation("ledger.unavailable", e.getMessage()));
            return;
        }
        previewArea.add(createPreview(preview));
        if (preview.blocked()) {
            Paragraph blocked = new Paragraph(getTranslation("offboarding.blocked"));
            blocked.setId("offboarding-blocked");
            previewArea.add(blocked);
        } else if (mayPropose) {
            previewArea.add(createProposalForm(selected));
        } else {
            previewArea.add(new Paragraph(getTranslation("offboarding.board-members-propose")));
        }
    }

    private Component createPreview(OffboardingPreview offboardingPreview) {
        VerticalLayout panel = new VerticalLayout();
        panel.setPadding(false);
        Paragraph remaining = new Paragraph(getTranslation("offboarding.remaining", offboardingPreview.mspId(),
                String.join(", ", offboardingPreview.remainingOrganizations())));
        remaining.setId("offboarding-remaining");
        UnorderedList findings = new UnorderedList();
        findings.setId("offboarding-findings");
        findings.getElement().setAttribute("aria-label", getTranslation("offboarding.findings"));
        for (PreviewFinding finding : offboardingPreview.findings()) {
            ListItem line = new ListItem(findingText(finding));
            line.addClassName(finding.blocking() ? "offboarding-blocking" : "offboarding-warning");
            findings.add(line);
        }
        H2 heading = new H2(getTranslation("offboarding.preview.heading", offboardingPreview.authorityName()));
        panel.add(heading, remaining, findings);
        return panel;
    }

    private String findingText(PreviewFinding finding) {
        String kind = finding.kind().name().toLowerCase(Locale.ROOT).replace('_', '-');
        String severity = finding.blocking() ? "offboarding.severity.blocking" : "offboarding.severity.warning";
        return getTranslation(severity) + " " + getTranslation("offboarding.finding." + kind, finding.subject());
    }

    private Component createProposalForm(Authority selected) {
        return new ConceptProposalForm("offboarding", getTranslation("offboarding.propose.heading", selected.name()),
                getTranslation("offboarding.propose"), texts -> offboardings.propose(selected.id(), texts));
    }

    private Component createGrid() {
        grid.setId("offboarding-list");
        grid.setAriaLabel(getTranslation("offboarding.list.heading"));
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.addColumn(Offboarding::proposalReference).setHeader(getTranslation("offboarding.list.proposal"));
        grid.addColumn(item -> item.authorityName() + " (" + item.mspId() + ")")
                .setHeader(getTranslation("offboarding.authority"));
        grid.addColumn(item -> getTranslation("offboarding.state." + item.state().databaseValue()))
                .setHeader(getTranslation("offboarding.list.state"));
        grid.addColumn(Offboarding::endedIdentities).setHeader(getTranslation("offboarding.list.ended"));
        grid.addColumn(item -> item.lastError() == null ? "" : item.lastError())
                .setHeader(getTranslation("offboarding.list.error"));
        grid.addComponentColumn(this::retryButton).setHeader(getTranslation("offboarding.list.actions"));
        grid.setEmptyStateText(getTranslation("offboarding.list.empty"));
        return grid;
    }

    private Component retryButton(Offboarding item) {
        if (!mayPreview || !item.state().revocationOutstanding()) {
            return new Span();
        }
        Button retry = new Button(getTranslation("offboarding.retry"), event -> retry(item));
        retry.setId("offboarding-retry-" + item.proposalReference());
        retry.setAriaLabel(getTranslation("offboarding.retry.label", item.authorityName()));
        return retry;
    }

    private void retry(Offboarding item) {
        try {
            OffboardingState state = offboardings.retryRevocation(item.proposalId());
            Notification.show(getTranslation("offboarding.state." + state.databaseValue()))
                    .addThemeVariants(state == OffboardingState.COMPLETED
                            ? NotificationVariant.LUMO_SUCCESS
                            : NotificationVariant.LUMO_ERROR);
        } catch (IllegalStateException e) {
            showError(e.getMessage());
        }
        refreshGrid();
    }

    private void refreshGrid() {
        List<Offboarding> items = offboardings.list();
        grid.setItems(items);
    }

    private void showError(String message) {
        Notification notification = Notification.show(message, 8000, Notification.Position.MIDDLE);
        notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
}
