package de.klammer.portal.notification.api;

import de.klammer.portal.notification.InboxItem;
import de.klammer.portal.notification.NotificationService;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Returns the signed-in board member's inbox, unread items only by default as on the inbox screen. */
@RestController
class InboxApi {

    private final NotificationService notifications;

    InboxApi(NotificationService notifications) {
        this.notifications = notifications;
    }

    @GetMapping("/api/v1/inbox")
    List<InboxItem> inbox(@RequestParam(defaultValue = "true") boolean unreadOnly) {
        return notifications.inbox(unreadOnly);
    }
}
