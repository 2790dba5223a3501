package de.klammer.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ErasureDeadlinesTests {

    private final ErasureDeadlines saxony = new ErasureDeadlines(GermanState.SN);

    @ParameterizedTest(name = "received {0}, due {1}")
    @CsvSource({
        // 31 January: February has no 31st, so the month ends on its last day.
        "2025-01-31, 2025-02-28",
        "2024-01-31, 2024-02-29",
        "2025-02-28, 2025-03-28",
        // 29 March 2024 is Good Friday, then Saturday, Easter Sunday and Easter Monday.
        "2024-02-29, 2024-04-02",
        // April has no 31st.
        "2025-03-31, 2025-04-30",
        // Plain case on a working day.
        "2025-06-12, 2025-07-14",
    })
    void endsOneMonthAfterReceipt(LocalDate receivedOn, LocalDate dueOn) {
        ErasureDeadline deadline = saxony.deadlineFor(receivedOn);

        assertThat(deadline.dueOn()).isEqualTo(dueOn);
        assertThat(deadline.firstDueOn()).isEqualTo(dueOn);
        assertThat(deadline.isExtended()).isFalse();
    }

    @Test
    void movesSaturdayToMonday() {
        // 8 March 2025 is a Saturday.
        ErasureDeadline deadline = saxony.deadlineFor(LocalDate.of(2025, 2, 8));

        assertThat(deadline.dueOn()).isEqualTo(LocalDate.of(2025, 3, 10));
    }

    @Test
    void movesNationalHolidayToNextWorkingDay() {
        // 3 October 2025 (German Unity Day) is a Friday.
        ErasureDeadline deadline = saxony.deadlineFor(LocalDate.of(2025, 9, 3));

        assertThat(deadline.dueOn()).isEqualTo(LocalDate.of(2025, 10, 6));
    }

    @Test
    void movesChristmasOverWeekend() {
        ErasureDeadline deadline = saxony.deadlineFor(LocalDate.of(2025, 11, 25));

        assertThat(deadline.dueOn()).isEqualTo(LocalDate.of(2025, 12, 29));
    }

    @Test
    void honoursSaxonDayOfRepentance() {
        LocalDate receivedOn = LocalDate.of(2025, 10, 19);

        ErasureDeadline inSaxony = saxony.deadlineFor(receivedOn);
        ErasureDeadline inBavaria = new ErasureDeadlines(GermanState.BY).deadlineFor(receivedOn);

        assertThat(inSaxony.dueOn())
                .as("19 November 2025 is Buß- und Bettag in Saxony")
                .isEqualTo(LocalDate.of(2025, 11, 20));
        assertThat(inBavaria.dueOn()).isEqualTo(LocalDate.of(2025, 11, 19));
    }

    @Test
    void extendsByTwoMonthsWithReason() {
        ErasureDeadline deadline = saxony.deadlineFor(LocalDate.of(2025, 1, 31));

        ErasureDeadline extended =
                saxony.extend(deadline, 2, "Many linked records at three authorities", LocalDate.of(2025, 2, 20));

        assertThat(extended.dueOn()).isEqualTo(LocalDate.of(2025, 4, 28));
        assertThat(extended.firstDueOn()).isEqualTo(LocalDate.of(2025, 2, 28));
        assertThat(extended.extensionMonths()).isEqualTo(2);
        assertThat(extended.extensionReason()).isEqualTo("Many linked records at three authorities");
    }

    @Test
    void extendsTwiceByOneMonth() {
        ErasureDeadline deadline = saxony.deadlineFor(LocalDate.of(2025, 6, 12));

        ErasureDeadline once = saxony.extend(deadline, 1, "Complex request", LocalDate.of(2025, 6, 20));
        ErasureDeadline twice = saxony.extend(once, 1, "Number of requests", LocalDate.of(2025, 7, 1));

        assertThat(once.dueOn()).isEqualTo(LocalDate.of(2025, 8, 12));
        assertThat(twice.dueOn()).isEqualTo(LocalDate.of(2025, 9, 12));
        assertThat(twice.extensionMonths()).isEqualTo(2);
    }

    @Test
    void extendedDeadlineSkipsHoliday() {
        // The first month ends on Sunday 31 August, so the first due date is Monday. The two further months run
        // from 31 August and end on 31 October, Reformation Day in Saxony.
        ErasureDeadline deadline = saxony.deadlineFor(LocalDate.of(2025, 7, 31));

        ErasureDeadline extended = saxony.extend(deadline, 2, "Complex request", LocalDate.of(2025, 8, 15));

        assertThat(deadline.dueOn()).isEqualTo(LocalDate.of(2025, 9, 1));
        assertThat(extended.dueOn()).isEqualTo(LocalDate.of(2025, 11, 3));
    }

    @Test
    void extendsFromEndOfFirstMonth() {
        // 31 August + 1 month = 30 September, + 1 further month = 30 October, the earlier of the two readings of
        // Art. 12(3) GDPR (31 August + 2 months would be 31 October).
        ErasureDeadline deadline = saxony.deadlineFor(LocalDate.of(2025, 8, 31));

        ErasureDeadline extended = saxony.extend(deadline, 1, "Complex request", LocalDate.of(2025, 9, 1));

        assertThat(extended.dueOn()).isEqualTo(LocalDate.of(2025, 10, 30));
    }

    @Test
    void rejectsExtensionWithoutReason() {
        ErasureDeadline deadline = saxony.deadlineFor(LocalDate.of(2025, 1, 31));

        assertThatExceptionOfType(DeadlineExtensionRejectedException.class)
                .isThrownBy(() -> saxony.extend(deadline, 1, "  ", LocalDate.of(2025, 2, 3)))
                .withMessageContaining("needs a reason")
                .withMessageContaining("2025-01-31");
    }

    @Test
    void rejectsExtensionBeyondTwoMonths() {
        ErasureDeadline deadline = saxony.deadlineFor(LocalDate.of(2025, 1, 31));

        assertThatExceptionOfType(DeadlineExtensionRejectedException.class)
                .isThrownBy(() -> saxony.extend(deadline, 3, "Complex request", LocalDate.of(2025, 2, 3)))
                .withMessageContaining("at most 2 further months");
    }

    @Test
    void rejectsExtensionsAddingUpBeyondTwoMonths() {
        ErasureDeadline once =
                saxony.extend(saxony.deadlineFor(LocalDate.of(2025, 1, 31)), 2, "Complex", LocalDate.of(2025, 2, 3));

        assertThatExceptionOfType(DeadlineExtensionRejectedException.class)
                .isThrownBy(() -> saxony.extend(once, 1, "Still complex", LocalDate.of(2025, 2, 4)))
                .withMessageContaining("2 already granted");
    }

    @Test
    void rejectsZeroMonthExtension() {
        ErasureDeadline deadline = saxony.deadlineFor(LocalDate.of(2025, 1, 31));

        assertThatExceptionOfType(DeadlineExtensionRejectedException.class)
                .isThrownBy(() -> saxony.extend(deadline, 0, "Complex request", LocalDate.of(2025, 2, 3)));
    }

    @Test
    void rejectsExtensionNotifiedAfterFirstMonth() {
        ErasureDeadline deadline = saxony.deadlineFor(LocalDate.of(2025, 1, 31));

        assertThatExceptionOfType(DeadlineExtensionRejectedException.class)
                .isThrownBy(() -> saxony.extend(deadline, 2, "Complex request", LocalDate.of(2025, 3, 3)))
                .withMessageContaining("within the first month, by 2025-02-28");
    }
}
