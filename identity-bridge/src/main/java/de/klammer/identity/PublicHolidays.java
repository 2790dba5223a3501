package de.klammer.identity;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Statutory public holidays in Germany from 1995 on: the nationwide ones and those that a whole state observes, as
 * set by the states' holiday laws (Feiertagsgesetze).
 *
 * <p>NOTE: Holidays of only part of a state are left out: Assumption Day (15 August) in Bavaria's mainly Catholic
 * municipalities, the Augsburg Peace Festival (8 August), and Corpus Christi in parts of Saxony and Thuringia. A
 * missing holiday only makes a deadline end earlier, never later.
 */
public final class PublicHolidays {

    /** First year covered. In 1995 the Day of Repentance and Prayer stopped being a holiday outside Saxony. */
    public static final int FIRST_YEAR = 1995;

    private static final Set<GermanState> EPIPHANY = EnumSet.of(GermanState.BW, GermanState.BY, GermanState.ST);
    private static final Set<GermanState> CORPUS_CHRISTI =
            EnumSet.of(GermanState.BW, GermanState.BY, GermanState.HE, GermanState.NW, GermanState.RP, GermanState.SL);
    private static final Set<GermanState> ALL_SAINTS =
            EnumSet.of(GermanState.BW, GermanState.BY, GermanState.NW, GermanState.RP, GermanState.SL);
    private static final Set<GermanState> REFORMATION_DAY_SINCE_1990 =
            EnumSet.of(GermanState.BB, GermanState.MV, GermanState.SN, GermanState.ST, GermanState.TH);
    private static final Set<GermanState> REFORMATION_DAY_SINCE_2018 =
            EnumSet.of(GermanState.HB, GermanState.HH, GermanState.NI, GermanState.SH);

    private PublicHolidays() {}

    public static boolean isPublicHoliday(LocalDate date, GermanState state) {
        return holidays(date.getYear(), state).containsKey(date);
    }

    /** Returns the public holidays of a year in a state, by date, with their German names. */
    public static Map<LocalDate, String> holidays(int year, GermanState state) {
        if (year < FIRST_YEAR) {
            throw new IllegalArgumentException("Public holidays before " + FIRST_YEAR + " are not covered, but " + year
                    + " was asked for. The holiday rules changed in 1995.");
        }
        var holidays = new TreeMap<LocalDate, String>();
        addNationwide(year, holidays);
        addStateSpecific(year, state, holidays);
        return holidays;
    }

    private static void addNationwide(int year, Map<LocalDate, String> holidays) {
        LocalDate easter = easterSunday(year);
        holidays.put(LocalDate.of(year, Month.JANUARY, 1), "Neujahr");
        holidays.put(easter.minusDays(2), "Karfreitag");
        holidays.put(easter.plusDays(1), "Ostermontag");
        holidays.put(LocalDate.of(year, Month.MAY, 1), "Tag der Arbeit");
        holidays.put(easter.plusDays(39), "Christi Himmelfahrt");
        holidays.put(easter.plusDays(50), "Pfingstmontag");
        holidays.put(LocalDate.of(year, Month.OCTOBER, 3), "Tag der Deutschen Einheit");
        holidays.put(LocalDate.of(year, Month.DECEMBER, 25), "1. Weihnachtstag");
        holidays.put(LocalDate.of(year, Month.DECEMBER, 26), "2. Weihnachtstag");
        if (year == 2017) {
            // 500th anniversary of the Reformation: a one-off holiday in every state.
            holidays.put(LocalDate.of(2017, Month.OCTOBER, 31), "Reformationstag");
        }
    }

    private static void addStateSpecific(int year, GermanState state, Map<LocalDate, String> holidays) {
        LocalDate easter = easterSunday(year);
        if (EPIPHANY.contains(state)) {
            holidays.put(LocalDate.of(year, Month.JANUARY, 6), "Heilige Drei Könige");
        }
        if ((state == GermanState.BE && year >= 2019) || (state == GermanState.MV && year >= 2023)) {
            holidays.put(LocalDate.of(year, Month.MARCH, 8), "Internationaler Frauentag");
        }
        if (state == GermanState.BB) {
            holidays.put(easter, "Ostersonntag");
            holidays.put(easter.plusDays(49), "Pfingstsonntag");
        }
        if (state == GermanState.BE && (year == 2020 || year == 2025)) {
            // One-off holidays for the 75th and 80th anniversary of the end of the Second World War.
            holidays.put(LocalDate.of(year, Month.MAY, 8), "Tag der Befreiung");
        }
        if (CORPUS_CHRISTI.contains(state)) {
            holidays.put(easter.plusDays(60), "Fronleichnam");
        }
        if (state == GermanState.SL) {
            holidays.put(LocalDate.of(year, Month.AUGUST, 15), "Mariä Himmelfahrt");
        }
        if (state == GermanState.TH && year >= 2019) {
            holidays.put(LocalDate.of(year, Month.SEPTEMBER, 20), "Weltkindertag");
        }
        if (REFORMATION_DAY_SINCE_1990.contains(state)
                || (REFORMATION_DAY_SINCE_2018.contains(state) && year >= 2018)) {
            holidays.put(LocalDate.of(year, Month.OCTOBER, 31), "Reformationstag");
        }
        if (ALL_SAINTS.contains(state)) {
            holidays.put(LocalDate.of(year, Month.NOVEMBER, 1), "Allerheiligen");
        }
        if (state == GermanState.SN) {
            holidays.put(dayOfRepentanceAndPrayer(year), "Buß- und Bettag");
        }
    }

    /** Returns the Wednesday before 23 November (Buß- und Bettag), which falls between 16 and 22 November. */
    static LocalDate dayOfRepentanceAndPrayer(int year) {
        return LocalDate.of(year, Month.NOVEMBER, 22).with(TemporalAdjusters.previousOrSame(DayOfWeek.WEDNESDAY));
    }

    /** Computes Easter Sunday of the Gregorian calendar (the anonymous algorithm of Meeus, Jones and Butcher). */
    static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, day);
    }
}
