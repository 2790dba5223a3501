package de.klammer.portal.notification.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AccessDeniedErrorRouter;
import de.klammer.portal.notification.InboxItem;
import de.klammer.portal.notification.NotificationService;
import de.klammer.portal.shell.ui.MainLayout;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;

/** The signed-in board member's notifications, unread first by default, each with a link and a mark-read button. */
@Route(value = "inbox", layout = MainLayout.class)
@RolesAllowed("BOARD_MEMBER")
@AccessDeniedErrorRouter
class InboxView extends VerticalLayout implements HasDynamicTitle {

    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    private final NotificationService notifications;
    private final Grid<InboxItem> grid = new Grid<>();
    private final Checkbox unreadOnly = new Checkbox();
    private final Paragraph status = new Paragraph();

    InboxView(NotificationService notifications) {
        this.notifications = notifications;
        setId("inbox-view");

        unreadOnly.setLabel(getTranslation("notification.inbox.unread-only"));
        unreadOnly.setId("inbox-unread-only");
        unreadOnly.setValue(true);
        unreadOnly.addValueChangeListener(event -> refresh());

        Button markAll = new Button(getTranslation("notification.inbox.mark-all-read"), event -> {
            notifications.markAllRead();
            refresh();
        });
        markAll.setId("inbox-mark-all-read");

        status.setId("inbox-status");
        status.getElement().setAttribute("role", "status");

        add(new H1(getTranslation("notification.inbox.title")),
                new HorizontalLayout(unreadOnly, markAll),
                status,
                createGrid());
        refresh();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("notification.inbox.title");
    }

    private Grid<InboxItem> createGrid() {
        grid.setId("inbox-grid");
        grid.setAriaLabel(getTranslation("notification.inbox.title"));
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        DateTimeFormatter format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(getLocale());
        grid.addColumn(item -> format.format(item.createdAt().atZone(ZONE)))
                .setHeader(getTranslation("notification.inbox.time"))
                .setAutoWidth(true);
        grid.addComponentColumn(this::createSummary)
                .setHeader(getTranslation("notification.inbox.message"))
                .setFlexGrow(3);
        grid.addComponentColumn(this::createMarkRead).setHeader(getTranslation("notification.inbox.actions"));
        return grid;
    }

    private Component createSummary(InboxItem item) {
        Span text = new Span(notifications.summary(item, getLocale()));
        if (!item.read()) {
            text.getStyle().set("font-weight", "600");
        }
        Anchor link = new Anchor("proposals/" + item.proposalId(), getTranslation("notification.inbox.open"));
        link.getElement().setAttribute("aria-label",
                getTranslation("notification.inbox.open-proposal", item.proposalReference()));
        return new VerticalLayout(text, link);
    }

    private Component createMarkRead(InboxItem item) {
        if (item.read()) {
            return new Span(getTranslation("notification.inbox.read"));
        }
        Button button = new Button(getTranslation("notification.inbox.mark-read"), event -> {
            notifications.markRead(item.id());
            refresh();
        });
        button.addThemeVariants(ButtonVariant.LUMO_SMALL);
        button.getElement().setAttribute("aria-label",
                getTranslation("notification.inbox.mark-read-of", item.proposalReference()));
        button.setId("mark-read-" + item.id());
        return button;
    }

    private void refresh() {
        List<InboxItem> items = notifications.inbox(unreadOnly.getValue());
        grid.setItems(items);
        status.setText(getTranslation("notification.inbox.count", notifications.unreadCount()));
    }
}
