package de.klammer.identity;

import java.time.LocalDate;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The date by which the controller must respond to a data subject's request (GDPR Art. 12(3)).
 *
 * @param receivedOn the day the request was received
 * @param state the state whose public holidays count, that of the controller's office
 * @param firstDueOn the end of the first month, moved to a working day; any extension must be notified by then
 * @param dueOn the current due date, after any extension
 * @param extensionMonths further months granted, 0 to 2
 * @param extensionReason why the period was extended, null without extension
 */
public record ErasureDeadline(
        LocalDate receivedOn,
        GermanState state,
        LocalDate firstDueOn,
        LocalDate dueOn,
        int extensionMonths,
        @Nullable String extensionReason) {

    public ErasureDeadline {
        Objects.requireNonNull(receivedOn, "receivedOn must not be null");
        Objects.requireNonNull(state, "state must not be null");
        Objects.requireNonNull(firstDueOn, "firstDueOn must not be null");
        Objects.requireNonNull(dueOn, "dueOn must not be null");
    }

    public boolean isExtended() {
        return extensionMonths > 0;
    }
}
