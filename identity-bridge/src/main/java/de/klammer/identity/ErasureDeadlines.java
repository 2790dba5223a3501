package de.klammer.identity;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Computes the response deadline of a data subject's request, such as an erasure or rectification request, under
 * GDPR Art. 12(3): one month from receipt, extendable by up to two further months when the person is informed of
 * the reason within the first month. Periods follow Regulation (EEC, Euratom) No 1182/71 as the EDPB's guidelines
 * 01/2022 on the right of access apply it:
 *
 * <ul>
 *   <li>the day of receipt does not count, and a month ends on the same date of the next month, or on that month's
 *       last day where the date does not exist (Art. 3(1), 3(2)(c));
 *   <li>a period whose last day is a Saturday, Sunday or public holiday ends on the next working day (Art. 3(4)).
 * </ul>
 */
public final class ErasureDeadlines {

    /** Further months Art. 12(3) allows at most. */
    public static final int MAX_EXTENSION_MONTHS = 2;

    private final GermanState state;

    /** @param state the state whose public holidays count, that of the controller's office */
    public ErasureDeadlines(GermanState state) {
        this.state = Objects.requireNonNull(state, "state must not be null");
    }

    /** Returns the deadline of a request received on the given day. */
    public ErasureDeadline deadlineFor(LocalDate receivedOn) {
        LocalDate firstDueOn = nextWorkingDayFrom(endOfFirstMonth(receivedOn));
        return new ErasureDeadline(receivedOn, state, firstDueOn, firstDueOn, 0, null);
    }

    /**
     * Extends a deadline by further months. Several extensions may add up to {@value #MAX_EXTENSION_MONTHS} months.
     *
     * @param notifiedOn the day the person is informed of the extension and its reason
     * @throws DeadlineExtensionRejectedException when the reason is blank, the months are not 1 or 2 or would add up
     *     to more than 2, or the person is informed after the first month
     */
    public ErasureDeadline extend(ErasureDeadline deadline, int additionalMonths, String reason, LocalDate notifiedOn) {
        LocalDate receivedOn = deadline.receivedOn();
        if (reason.isBlank()) {
            throw new DeadlineExtensionRejectedException(
                    receivedOn,
                    "Extending the deadline of the request received on " + receivedOn
                            + " needs a reason, which Art. 12(3) GDPR requires telling the person. Give the reason.");
        }
        int totalMonths = deadline.extensionMonths() + additionalMonths;
        if (additionalMonths < 1 || totalMonths > MAX_EXTENSION_MONTHS) {
            throw new DeadlineExtensionRejectedException(
                    receivedOn,
                    "The deadline of the request received on "
                            + receivedOn + " can be extended by at most " + MAX_EXTENSION_MONTHS
                            + " further months in total"
                            + " (Art. 12(3) GDPR), but " + additionalMonths + " more month(s) after "
                            + deadline.extensionMonths() + " already granted were requested.");
        }
        if (notifiedOn.isAfter(deadline.firstDueOn())) {
            throw new DeadlineExtensionRejectedException(
                    receivedOn,
                    "The extension for the request received on "
                            + receivedOn + " must be sent to the person within the first month, by "
                            + deadline.firstDueOn()
                            + ", but the notification date is " + notifiedOn + ". Answer the request instead.");
        }
        // NOTE: Art. 12(3) leaves open whether the further months run from the end of the first month or form one
        // period of 1 + n months from receipt. The two differ only near month ends, e.g. 28 against 30 April for a
        // receipt on 31 January. This uses the end of the first month, because it gives the earlier date.
        LocalDate dueOn = nextWorkingDayFrom(endOfFirstMonth(receivedOn).plusMonths(totalMonths));
        return new ErasureDeadline(receivedOn, state, deadline.firstDueOn(), dueOn, totalMonths, reason.strip());
    }

    /** Tells whether a day is neither a Saturday, a Sunday nor a public holiday in this state. */
    public boolean isWorkingDay(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY
                && day.getDayOfWeek() != DayOfWeek.SUNDAY
                && !PublicHolidays.isPublicHoliday(day, state);
    }

    /** Returns the same date one month later; {@link LocalDate#plusMonths} falls back to the month's last day. */
    private static LocalDate endOfFirstMonth(LocalDate receivedOn) {
        return receivedOn.plusMonths(1);
    }

    private LocalDate nextWorkingDayFrom(LocalDate day) {
        LocalDate candidate = day;
        while (!isWorkingDay(candidate)) {
            candidate = candidate.plusDays(1);
        }
        return candidate;
    }
}
