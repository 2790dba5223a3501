package de.klammer.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PublicHolidaysTests {

    @ParameterizedTest(name = "Easter {0}: {1}")
    @CsvSource({
        "2000, 2000-04-23",
        "2019, 2019-04-21",
        "2024, 2024-03-31",
        "2025, 2025-04-20",
        "2026, 2026-04-05",
        "2038, 2038-04-25",
        "2285, 2285-03-22"
    })
    void computesEasterSunday(int year, LocalDate easter) {
        assertThat(PublicHolidays.easterSunday(year)).isEqualTo(easter);
    }

    @ParameterizedTest(name = "Buß- und Bettag {0}: {1}")
    @CsvSource({"2023, 2023-11-22", "2024, 2024-11-20", "2025, 2025-11-19", "2026, 2026-11-18"})
    void computesDayOfRepentance(int year, LocalDate day) {
        assertThat(PublicHolidays.dayOfRepentanceAndPrayer(year)).isEqualTo(day);
    }

    @Test
    void listsNationwideHolidays() {
        assertThat(PublicHolidays.holidays(2025, GermanState.HB))
                .containsOnlyKeys(
                        LocalDate.of(2025, 1, 1),
                        LocalDate.of(2025, 4, 18),
                        LocalDate.of(2025, 4, 21),
                        LocalDate.of(2025, 5, 1),
                        LocalDate.of(2025, 5, 29),
                        LocalDate.of(2025, 6, 9),
                        LocalDate.of(2025, 10, 3),
                        LocalDate.of(2025, 10, 31),
                        LocalDate.of(2025, 12, 25),
                        LocalDate.of(2025, 12, 26));
    }

    @Test
    void listsSaxonHolidays() {
        assertThat(PublicHolidays.holidays(2025, GermanState.SN))
                .containsEntry(LocalDate.of(2025, 10, 31), "Reformationstag")
                .containsEntry(LocalDate.of(2025, 11, 19), "Buß- und Bettag")
                .doesNotContainKey(LocalDate.of(2025, 6, 19))
                .hasSize(11);
    }

    @Test
    void listsBavarianHolidays() {
        assertThat(PublicHolidays.holidays(2025, GermanState.BY))
                .containsEntry(LocalDate.of(2025, 1, 6), "Heilige Drei Könige")
                .containsEntry(LocalDate.of(2025, 6, 19), "Fronleichnam")
                .containsEntry(LocalDate.of(2025, 11, 1), "Allerheiligen")
                .doesNotContainKey(LocalDate.of(2025, 10, 31))
                .doesNotContainKey(LocalDate.of(2025, 11, 19));
    }

    @Test
    void listsBerlinHolidays() {
        assertThat(PublicHolidays.holidays(2025, GermanState.BE))
                .containsEntry(LocalDate.of(2025, 3, 8), "Internationaler Frauentag")
                .containsEntry(LocalDate.of(2025, 5, 8), "Tag der Befreiung");
        assertThat(PublicHolidays.holidays(2018, GermanState.BE)).doesNotContainKey(LocalDate.of(2018, 3, 8));
        assertThat(PublicHolidays.holidays(2026, GermanState.BE)).doesNotContainKey(LocalDate.of(2026, 5, 8));
    }

    @Test
    void appliesReformationDayByYear() {
        assertThat(PublicHolidays.isPublicHoliday(LocalDate.of(2017, 10, 31), GermanState.BY))
                .as("nationwide in 2017")
                .isTrue();
        assertThat(PublicHolidays.isPublicHoliday(LocalDate.of(2016, 10, 31), GermanState.NI))
                .isFalse();
        assertThat(PublicHolidays.isPublicHoliday(LocalDate.of(2018, 10, 31), GermanState.NI))
                .isTrue();
        assertThat(PublicHolidays.isPublicHoliday(LocalDate.of(2016, 10, 31), GermanState.SN))
                .isTrue();
    }

    @Test
    void rejectsYearsBefore1995() {
        assertThatExceptionOfType(IllegalArgumentException.class)
                .isThrownBy(() -> PublicHolidays.holidays(1994, GermanState.SN))
                .withMessageContaining("1994");
    }
}
