package de.klammer.portal.notification.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.RouterLink;
import de.klammer.portal.notification.NotificationService;
import de.klammer.portal.security.PortalRole;
import de.klammer.portal.security.PortalUser;
import de.klammer.portal.shell.ui.HeaderWidget;
import java.util.Optional;

/** Bell in the header of board members that links to the inbox and shows the number of unread notifications. */
@org.springframework.stereotype.Component
class InboxBell implements HeaderWidget {

    private final NotificationService notifications;

    InboxBell(NotificationService notifications) {
        this.notifications = notifications;
    }

    @Override
    public Optional<Component> create(PortalUser user) {
        if (!user.hasRole(PortalRole.BOARD_MEMBER) || user.boardMember() == null) {
            return Optional.empty();
        }
        return Optional.of(new BellLink(notifications));
    }

    /** The link itself; it counts again after each navigation, since the header stays while the pages change. */
    private static final class BellLink extends RouterLink implements AfterNavigationObserver {

        private final NotificationService notifications;
        private final Span count = new Span();

        BellLink(NotificationService notifications) {
            super(InboxView.class);
            this.notifications = notifications;
            setId("inbox-bell");
            count.setId("inbox-unread-count");
            add(VaadinIcon.BELL.create(), count);
            showCount();
        }

        @Override
        public void afterNavigation(AfterNavigationEvent event) {
            showCount();
        }

        private void showCount() {
            long unread = notifications.unreadCount();
            count.setText(Long.toString(unread));
            count.getElement().getThemeList().clear();
            count.getElement().getThemeList().add("badge pill small" + (unread > 0 ? " primary" : " contrast"));
            getElement().setAttribute("aria-label", getTranslation("notification.bell", unread));
        }
    }
}
