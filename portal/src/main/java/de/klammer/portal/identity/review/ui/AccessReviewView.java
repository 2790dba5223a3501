package de.klammer.portal.identity.review.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AccessDeniedErrorRouter;
import de.klammer.portal.identity.LedgerRole;
import de.klammer.portal.identity.review.AccessReviewService;
import de.klammer.portal.identity.review.CampaignSummary;
import de.klammer.portal.identity.review.ReviewDecision;
import de.klammer.portal.identity.review.ReviewItem;
import de.klammer.portal.identity.review.RevocationState;
import de.klammer.portal.security.CurrentUser;
import de.klammer.portal.security.PortalRole;
import de.klammer.portal.shell.ui.MainLayout;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;

/**
 * Access reviews of the user's authority: the campaigns with their progress, and for the selected campaign every
 * identity under review with the actions to confirm or withdraw its roles. The view also shows the state of each
 * withdrawn identity's revocation, and an administrator retries a failed one here.
 */
@Route(value = "access-reviews", layout = MainLayout.class)
@RolesAllowed({"AUTHORITY_ADMIN", "DPO", "AUDITOR"})
@AccessDeniedErrorRouter
class AccessReviewView extends VerticalLayout implements HasDynamicTitle {

    private final AccessReviewService reviews;
    private final boolean admin;
    private final Grid<CampaignSummary> campaigns = new Grid<>();
    private final Grid<ReviewItem> items = new Grid<>();
    private final VerticalLayout campaignDetails = new VerticalLayout();
    private @Nullable CampaignSummary selected;
    /** Whether {@link #refresh} is replacing the grid's items, whose selection events it handles itself. */
    private boolean refreshing;

    AccessReviewView(AccessReviewService reviews, CurrentUser currentUser) {
        this.reviews = reviews;
        this.admin = currentUser.require().hasRole(PortalRole.AUTHORITY_ADMIN);
        setId("access-review");
        campaignDetails.setId("access-review-details");
        campaignDetails.setPadding(false);
        add(new H1(getTranslation("review.heading")), new Paragraph(getTranslation("review.intro.revocation")));
        if (admin) {
            Button open = new Button(getTranslation("review.open"), event -> openCampaign());
            open.setId("access-review-open");
            open.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            add(open);
        }
        add(createCampaignGrid(), campaignDetails);
        refresh();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("review.heading");
    }

    private Component createCampaignGrid() {
        campaigns.setId("access-review-campaigns");
        campaigns.setAriaLabel(getTranslation("review.campaigns"));
        campaigns.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        campaigns.setAllRowsVisible(true);
        campaigns.addColumn(CampaignSummary::reference).setHeader(getTranslation("review.reference"));
        campaigns.addColumn(campaign -> campaign.openedAt().toString()).setHeader(getTranslation("review.opened-at"));
        campaigns.addColumn(CampaignSummary::openedBy).setHeader(getTranslation("review.opened-by"));
        campaigns.addColumn(campaign -> getTranslation(campaign.open() ? "review.status.open" : "review.status.closed"))
                .setHeader(getTranslation("review.status"));
        campaigns.addColumn(this::progressText).setHeader(getTranslation("review.progress"));
        campaigns.setEmptyStateText(getTranslation("review.campaigns.empty"));
        campaigns.addSelectionListener(event -> {
            if (!refreshing) {
                selected = event.getFirstSelectedItem().orElse(null);
                showCampaign();
            }
        });
        return campaigns;
    }

    private Component createItemGrid(CampaignSummary campaign) {
        items.removeAllColumns();
        items.setId("access-review-items");
        items.setAriaLabel(getTranslation("review.items", campaign.reference()));
        items.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        items.setAllRowsVisible(true);
        items.addColumn(ReviewItem::enrollmentId).setHeader(getTranslation("review.enrollment-id")).setAutoWidth(true);
        items.addColumn(item -> getTranslation("review.kind." + item.kind().name().toLowerCase(Locale.ROOT)))
                .setHeader(getTranslation("review.kind"));
        items.addColumn(item -> item.roles().stream().map(LedgerRole::attributeValue).collect(Collectors.joining(", ")))
                .setHeader(getTranslation("review.roles"));
        items.addColumn(this::decisionText).setHeader(getTranslation("review.decision"));
        items.addColumn(this::revocationText).setHeader(getTranslation("review.revocation.header")).setAutoWidth(true);
        items.addComponentColumn(item -> actions(campaign, item)).setHeader(getTranslation("review.actions"))
                .setAutoWidth(true);
        items.setEmptyStateText(getTranslation("review.items.empty"));
        return items;
    }

    private void showCampaign() {
        campaignDetails.removeAll();
        CampaignSummary campaign = selected;
        if (campaign == null) {
            return;
        }
        ProgressBar progress = new ProgressBar(0, Math.max(campaign.items(), 1), campaign.decided());
        progress.setId("access-review-progress");
        Span progressLabel = new Span(progressText(campaign));
        progressLabel.setId("access-review-progress-label");
        progress.getElement().setAttribute("aria-labelledby", "access-review-progress-label");
        campaignDetails.add(new H2(getTranslation("review.campaign", campaign.reference())), progressLabel, progress,
                createItemGrid(campaign));
        items.setItems(reviews.items(campaign.id()));
    }

    /** Returns the buttons for one item: confirm and withdraw while pending, retry after a failed revocation. */
    private Component actions(CampaignSummary campaign, ReviewItem item) {
        HorizontalLayout actions = new HorizontalLayout();
        if (admin && campaign.open() && item.decision() == ReviewDecision.PENDING) {
            Button confirm = new Button(getTranslation("review.confirm"), event -> decide(() -> {
                reviews.confirm(item.id());
                return getTranslation("review.confirmed", item.enrollmentId());
            }));
            confirm.setAriaLabel(getTranslation("review.confirm.label", item.enrollmentId()));
            Button withdraw = new Button(getTranslation("review.withdraw"), event -> openWithdrawDialog(item));
            withdraw.setAriaLabel(getTranslation("review.withdraw.label", item.enrollmentId()));
            withdraw.addThemeVariants(ButtonVariant.LUMO_ERROR);
            actions.add(confirm, withdraw);
        }
        if (admin && item.revocationState() == RevocationState.FAILED) {
            Button retry = new Button(getTranslation("review.retry"), event -> decide(() -> {
                reviews.retryRevocation(item.id());
                return getTranslation("review.retried", item.enrollmentId());
            }));
            retry.setAriaLabel(getTranslation("review.retry.label", item.enrollmentId()));
            actions.add(retry);
        }
        return actions;
    }

    private void openWithdrawDialog(ReviewItem item) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("review.withdraw.title", item.enrollmentId()));
        TextArea reason = createReasonField();
        Button withdraw = new Button(getTranslation("review.withdraw"), event -> withdraw(item, reason, dialog));
        withdraw.setId("access-review-withdraw-confirm");
        withdraw.addThemeVariants(ButtonVariant.LUMO_ERROR);
        Button cancel = new Button(getTranslation("review.cancel"), event -> dialog.close());

        dialog.add(new Paragraph(getTranslation("review.withdraw.explanation.revocation")), reason);
        dialog.getFooter().add(cancel, withdraw);
        dialog.open();
        reason.focus();
    }

    private TextArea createReasonField() {
        TextArea reason = new TextArea(getTranslation("review.withdraw.reason"));
        reason.setId("access-review-reason");
        reason.setHelperText(getTranslation("review.withdraw.reason.help"));
        reason.setRequired(true);
        reason.setMaxLength(AccessReviewService.MAX_REASON_LENGTH);
        reason.setWidthFull();
        return reason;
    }

    /** Withdraws the roles; an invalid reason stays in the dialog at the field, other rejections close it. */
    private void withdraw(ReviewItem item, TextArea reason, Dialog dialog) {
        try {
            reviews.withdraw(item.id(), reason.getValue());
            dialog.close();
            notify(getTranslation("review.withdrawn.revocation", item.enrollmentId()),
                    NotificationVariant.LUMO_SUCCESS);
        } catch (IllegalArgumentException e) {
            reason.setInvalid(true);
            reason.setErrorMessage(e.getMessage());
            reason.focus();
            return;
        } catch (IllegalStateException | AccessDeniedException e) {
            dialog.close();
            notify(getTranslation("review.rejected", e.getMessage()), NotificationVariant.LUMO_ERROR);
        }
        refresh();
    }

    private void openCampaign() {
        decide(() -> getTranslation("review.opened", reviews.open().reference()));
    }

    /** Runs an action and shows its outcome; a rule the action breaks is shown with the value and the fix. */
    private void decide(Supplier<String> action) {
        try {
            notify(action.get(), NotificationVariant.LUMO_SUCCESS);
        } catch (IllegalArgumentException | IllegalStateException | AccessDeniedException e) {
            notify(getTranslation("review.rejected", e.getMessage()), NotificationVariant.LUMO_ERROR);
        }
        refresh();
    }

    /** Reloads the campaigns and keeps the selected one, or selects the open one; setItems clears the selection. */
    private void refresh() {
        CampaignSummary previous = selected;
        List<CampaignSummary> all = reviews.list();
        CampaignSummary current = previous == null
                ? all.stream().filter(CampaignSummary::open).findFirst().orElse(null)
                : all.stream().filter(c -> c.id().equals(previous.id())).findFirst().orElse(null);
        refreshing = true;
        try {
            campaigns.setItems(all);
            if (current != null) {
                campaigns.select(current);
            }
        } finally {
            refreshing = false;
        }
        selected = current;
        showCampaign();
    }

    private String progressText(CampaignSummary campaign) {
        return getTranslation("review.progress.value", campaign.decided(), campaign.items(), campaign.percentDecided());
    }

    private String decisionText(ReviewItem item) {
        String decision = getTranslation("review.decision." + item.decision().databaseValue());
        return item.decidedBy() == null ? decision : getTranslation("review.decided-by", decision, item.decidedBy());
    }

    private String revocationText(ReviewItem item) {
        RevocationState state = item.revocationState();
        if (state == null) {
            return "";
        }
        String text = getTranslation("review.revocation." + state.databaseValue());
        return item.revocationError() == null ? text
                : getTranslation("review.revocation.failed-with", text, item.revocationError());
    }

    private void notify(String message, NotificationVariant variant) {
        Notification.show(message).addThemeVariants(variant);
    }
}
