package de.klammer.portal.concept.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AccessDeniedErrorRouter;
import de.klammer.portal.concept.ConceptDrift;
import de.klammer.portal.concept.ConceptDrift.DriftFinding;
import de.klammer.portal.concept.ConceptDriftService;
import de.klammer.portal.concept.ConceptRuleViolationException;
import de.klammer.portal.ledger.ChangeRejectedException;
import de.klammer.portal.ledger.LedgerUnavailableException;
import de.klammer.portal.security.CurrentUser;
import de.klammer.portal.security.PortalRole;
import de.klammer.portal.shell.ui.MainLayout;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;

/**
 * Drift between the applied concept and the live channel, element by element, with a check on demand and, for board
 * members, the proposal that sets the drifted elements back.
 */
@Route(value = "concept/drift", layout = MainLayout.class)
@RolesAllowed({"BOARD_MEMBER", "AUTHORITY_ADMIN", "DPO", "AUDITOR"})
@AccessDeniedErrorRouter
class ConceptDriftView extends VerticalLayout implements HasDynamicTitle {

    private final ConceptDriftService drift;
    private final boolean boardMember;
    private final Paragraph status = new Paragraph();
    private final Grid<DriftFinding> grid = new Grid<>();
    private final VerticalLayout reconcile = new VerticalLayout();

    ConceptDriftView(ConceptDriftService drift, CurrentUser currentUser) {
        this.drift = drift;
        this.boardMember = currentUser.require().hasRole(PortalRole.BOARD_MEMBER);
        setId("concept-drift-view");
        Button check = new Button(getTranslation("concept.drift.check"), event -> check());
        check.setId("concept-drift-check");
        check.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        status.setId("concept-drift-status");
        status.getElement().setAttribute("aria-live", "polite");
        reconcile.setPadding(false);

        grid.setId("concept-drift-findings");
        grid.setAriaLabel(getTranslation("concept.drift.heading"));
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        grid.addColumn(DriftFinding::path).setHeader(getTranslation("concept.drift.path")).setFlexGrow(2);
        grid.addColumn(DriftFinding::expected).setHeader(getTranslation("concept.drift.expected")).setFlexGrow(2);
        grid.addColumn(finding -> finding.found() == null ? getTranslation("concept.drift.missing") : finding.found())
                .setHeader(getTranslation("concept.drift.found"))
                .setFlexGrow(2);
        grid.addColumn(finding -> finding.firstSeenAt().toString())
                .setHeader(getTranslation("concept.drift.first-seen"))
                .setAutoWidth(true);
        grid.setAllRowsVisible(true);

        add(new H1(getTranslation("concept.drift.heading")), new Paragraph(getTranslation("concept.drift.help")),
                check, status, grid, reconcile);
        show(drift.openFindings());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("concept.drift.heading");
    }

    private void check() {
        try {
            ConceptDrift result = drift.detectNow();
            show(result.findings());
        } catch (ConceptRuleViolationException | ChangeRejectedException e) {
            status.setText(getTranslation("concept.drift.failed", e.getMessage()));
        } catch (LedgerUnavailableException e) {
            status.setText(getTranslation("ledger.unavailable", e.getMessage()));
        }
    }

    private void show(List<DriftFinding> findings) {
        grid.setItems(findings);
        status.setText(findings.isEmpty()
                ? getTranslation("concept.drift.none")
                : getTranslation("concept.drift.count", findings.size()));
        reconcile.removeAll();
        if (!findings.isEmpty() && boardMember) {
            reconcile.add(new ConceptProposalForm("concept-reconcile", getTranslation("concept.drift.reconcile"),
                    getTranslation("concept.propose.submit"), drift::proposeReconciliation));
        }
    }
}
