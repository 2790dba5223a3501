package de.klammer.portal.concept.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AccessDeniedErrorRouter;
import de.klammer.portal.concept.CompiledConcept.RoleEnrollment;
import de.klammer.portal.concept.ConceptApplyService;
import de.klammer.portal.concept.ConceptPlan;
import de.klammer.portal.concept.ConceptPlanService;
import de.klammer.portal.concept.ConceptRuleViolationException;
import de.klammer.portal.concept.ConceptService;
import de.klammer.portal.concept.ConceptVersion;
import de.klammer.portal.ledger.ChangeRejectedException;
import de.klammer.portal.ledger.LedgerUnavailableException;
import de.klammer.portal.ledger.PreparedUpdate;
import de.klammer.portal.security.CurrentUser;
import de.klammer.portal.security.PortalRole;
import de.klammer.portal.shell.ui.MainLayout;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.TreeMap;

/**
 * The plan of the working version: the exact config delta against the live channel, in plain words and as the
 * write set of one config update, with the signatures it needs and the enrolment facts per role.
 */
@Route(value = "concept/plan", layout = MainLayout.class)
@RolesAllowed({"BOARD_MEMBER", "AUTHORITY_ADMIN", "DPO", "AUDITOR"})
@AccessDeniedErrorRouter
class ConceptPlanView extends VerticalLayout implements HasDynamicTitle {

    private final ConceptPlanService plans;
    private final ConceptVersion version;
    private final ConceptApplyService apply;
    private final boolean boardMember;
    private final VerticalLayout result = new VerticalLayout();

    ConceptPlanView(
            ConceptPlanService plans, ConceptService concept, ConceptApplyService apply, CurrentUser currentUser) {
        this.plans = plans;
        this.apply = apply;
        this.boardMember = currentUser.require().hasRole(PortalRole.BOARD_MEMBER);
        this.version = concept.workingVersion();
        setId("concept-plan-view");
        Button compute = new Button(getTranslation("concept.plan.compute"), event -> compute());
        compute.setId("concept-plan-compute");
        compute.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        result.setPadding(false);
        result.setId("concept-plan-result");
        String versionKey = version.isDraft() ? "concept.version.draft" : "concept.version.applied";
        add(new H1(getTranslation("concept.plan.heading")),
                new Paragraph(getTranslation(versionKey, version.number()) + " "
                        + getTranslation("concept.plan.help")),
                compute,
                result);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("concept.plan.heading");
    }

    private void compute() {
        result.removeAll();
        try {
            show(plans.plan(version.id()));
        } catch (ConceptRuleViolationException | ChangeRejectedException e) {
            result.add(error(getTranslation("concept.plan.rejected", e.getMessage())));
        } catch (LedgerUnavailableException e) {
            result.add(error(getTranslation("ledger.unavailable", e.getMessage())));
        }
    }

    private void show(ConceptPlan plan) {
        result.add(new Paragraph(getTranslation("concept.plan.summary", plan.channel(), plan.baseSequence(),
                plan.changes().size(), plan.unchangedElements())));
        if (plan.isUpToDate()) {
            Paragraph upToDate = new Paragraph(getTranslation("concept.plan.up-to-date"));
            upToDate.setId("concept-plan-up-to-date");
            result.add(upToDate);
        } else {
            PreparedUpdate update = plan.update();
            result.add(new H2(getTranslation("concept.plan.changes")), list("concept-plan-changes", plan.changes()));
            result.add(new H2(getTranslation("concept.plan.write-set")), list("concept-plan-write-set",
                    update.writeSet()));
            result.add(new H2(getTranslation("concept.plan.signatures")), list("concept-plan-signatures",
                    update.requiredSignatures()));
            result.add(new Paragraph(getTranslation("concept.plan.sha256", update.sha256())));
            if (version.isDraft()) {
                result.add(new H2(getTranslation("concept.plan.differences")),
                        list("concept-plan-differences", apply.differencesToApplied(version.id())));
                if (boardMember) {
                    result.add(new ConceptProposalForm("concept-propose",
                            getTranslation("concept.propose.heading", version.number()),
                            getTranslation("concept.propose.submit"), apply::proposeDraft));
                }
            }
        }
        if (!plan.uncoveredAuthorities().isEmpty()) {
            result.add(new Paragraph(getTranslation("concept.plan.uncovered",
                    String.join(", ", plan.uncoveredAuthorities()))));
        }
        if (!plan.leftOnChannel().isEmpty()) {
            result.add(new Paragraph(getTranslation("concept.plan.left-on-channel",
                    String.join(", ", plan.leftOnChannel()))));
        }
        result.add(new H2(getTranslation("concept.plan.enrollments")), createEnrollmentGrid(plan.enrollments()));
    }

    private Component createEnrollmentGrid(List<RoleEnrollment> enrollments) {
        Grid<RoleEnrollment> grid = new Grid<>();
        grid.setId("concept-plan-enrollments");
        grid.setAriaLabel(getTranslation("concept.plan.enrollments"));
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        grid.addColumn(RoleEnrollment::roleCode).setHeader(getTranslation("concept.role")).setAutoWidth(true);
        grid.addColumn(RoleEnrollment::organizationalUnit).setHeader(getTranslation("concept.plan.ou"));
        grid.addColumn(enrollment -> new TreeMap<>(enrollment.attributes()).toString())
                .setHeader(getTranslation("concept.plan.attributes"))
                .setFlexGrow(3);
        grid.setItems(enrollments);
        return grid;
    }

    private static Component list(String id, List<String> lines) {
        UnorderedList list = new UnorderedList();
        list.setId(id);
        lines.forEach(line -> list.add(new ListItem(line)));
        return list;
    }

    private static Component error(String message) {
        Paragraph paragraph = new Paragraph(message);
        paragraph.setId("concept-plan-error");
        paragraph.getElement().setAttribute("role", "alert");
        return paragraph;
    }
}
