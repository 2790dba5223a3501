package de.klammer.portal.notification;

import de.klammer.portal.notification.internal.Notification;
import de.klammer.portal.notification.internal.NotificationMails;
import de.klammer.portal.notification.internal.NotificationRepository;
import de.klammer.portal.security.CurrentUser;
import de.klammer.portal.security.PortalUser;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The signed-in board member's inbox: list, count and mark notifications read. */
@Service
@Transactional
public class NotificationService {

    private final NotificationRepository notifications;
    private final NotificationMails mails;
    private final CurrentUser currentUser;

    NotificationService(NotificationRepository notifications, NotificationMails mails, CurrentUser currentUser) {
        this.notifications = notifications;
        this.mails = mails;
        this.currentUser = currentUser;
    }

    /** Returns the member's notifications, newest first; only the unread ones when {@code unreadOnly}. */
    @PreAuthorize("hasRole('BOARD_MEMBER')")
    @Transactional(readOnly = true)
    public List<InboxItem> inbox(boolean unreadOnly) {
        UUID member = boardMemberId();
        List<Notification> rows = unreadOnly
                ? notifications.findByBoardMemberIdAndReadAtIsNullOrderByCreatedAtDesc(member)
                : notifications.findByBoardMemberIdOrderByCreatedAtDesc(member);
        return rows.stream().map(Notification::toInboxItem).toList();
    }

    /** Returns how many of the member's notifications are unread. */
    @PreAuthorize("hasRole('BOARD_MEMBER')")
    @Transactional(readOnly = true)
    public long unreadCount() {
        return notifications.countByBoardMemberIdAndReadAtIsNull(boardMemberId());
    }

    /**
     * Marks one of the member's notifications read.
     *
     * @throws IllegalArgumentException when the member has no notification with this id
     */
    @PreAuthorize("hasRole('BOARD_MEMBER')")
    public void markRead(UUID notificationId) {
        notifications
                .findByIdAndBoardMemberId(notificationId, boardMemberId())
                .orElseThrow(() -> new IllegalArgumentException("No notification " + notificationId
                        + " in the inbox of the signed-in board member; reload the inbox"))
                .markRead(Instant.now());
    }

    /** Marks all of the member's notifications read. */
    @PreAuthorize("hasRole('BOARD_MEMBER')")
    public void markAllRead() {
        Instant now = Instant.now();
        notifications
                .findByBoardMemberIdAndReadAtIsNullOrderByCreatedAtDesc(boardMemberId())
                .forEach(notification -> notification.markRead(now));
    }

    /** Returns the text that the inbox shows for the item. */
    public String summary(InboxItem item, Locale locale) {
        return mails.summary(item, locale);
    }

    private UUID boardMemberId() {
        PortalUser.BoardMemberRef member = currentUser.require().boardMember();
        if (member == null) {
            throw new IllegalStateException("The signed-in user has no board-member record; sign in as a board member");
        }
        return member.id();
    }
}
