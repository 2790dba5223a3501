package de.klammer.portal.notification;

import java.util.Arrays;
import java.util.Locale;

/** The governance event that a notification reports to a board member. */
public enum NotificationKind {
    /** A proposal was opened and waits for the member's vote. */
    VOTE_WAITING,
    /** The voting deadline of a proposal that is still open is near. */
    DEADLINE_APPROACHING,
    /** A proposal reached a final status: applied, rejected, expired or failed. */
    DECIDED;

    /** Returns the value stored in {@code notification.kind}, for example {@code vote-waiting}. */
    public String databaseValue() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Returns the kind for a {@code notification.kind} column value. */
    public static NotificationKind fromDatabaseValue(String value) {
        return Arrays.stream(values())
                .filter(kind -> kind.databaseValue().equals(value))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown notification kind: " + value));
    }
}
