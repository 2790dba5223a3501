package de.klammer.portal.identity.ui;

import com.vaadin.flow.component.Component;
import de.klammer.portal.identity.IdentityKind;
import de.klammer.portal.identity.LedgerIdentityStatus;
import de.klammer.portal.identity.LedgerRole;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Collection;
import java.util.Locale;
import java.util.stream.Collectors;

/** Translated texts of the identity views' values. */
final class IdentityTexts {

    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    private IdentityTexts() {}

    static String kind(Component view, IdentityKind kind) {
        return view.getTranslation("identity.kind." + kind.name().toLowerCase(Locale.ROOT));
    }

    static String status(Component view, LedgerIdentityStatus status) {
        return view.getTranslation("identity.status." + status.databaseValue());
    }

    static String role(Component view, LedgerRole role) {
        return view.getTranslation("identity.role." + role.attributeValue());
    }

    static String roles(Component view, Collection<LedgerRole> roles) {
        return roles.stream().map(role -> role(view, role)).collect(Collectors.joining(", "));
    }

    static String dateTime(Instant instant, Locale locale) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                .withLocale(locale)
                .withZone(ZONE)
                .format(instant);
    }
}
