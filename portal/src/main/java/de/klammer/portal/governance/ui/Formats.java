package de.klammer.portal.governance.ui;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/** Formats values for display in the governance views. */
final class Formats {

    /** Zone of the participating authorities; timestamps are shown in German local time. */
    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    private Formats() {}

    static String dateTime(Instant instant, Locale locale) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                .withLocale(locale)
                .withZone(ZONE)
                .format(instant);
    }
}
