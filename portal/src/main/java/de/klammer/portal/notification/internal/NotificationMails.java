package de.klammer.portal.notification.internal;

import de.klammer.portal.notification.InboxItem;
import de.klammer.portal.notification.NotificationProperties;
import de.klammer.portal.shell.TranslationProvider;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** Subject and text of notification e-mail and inbox entries, in German or English. */
@Component
public class NotificationMails {

    /** Time zone of the authorities, in which deadlines are shown. */
    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    private final TranslationProvider translations;
    private final String portalUrl;

    NotificationMails(TranslationProvider translations, NotificationProperties properties) {
        this.translations = translations;
        this.portalUrl = properties.portalUrl().replaceAll("/+$", "");
    }

    /** Returns the subject line, for example "Abstimmung offen: P-2026-0001 ...". */
    public String subject(InboxItem item, Locale locale) {
        return translations.getTranslation(
                "notification.subject." + item.kind().databaseValue(),
                locale,
                item.proposalReference(),
                item.proposalTitle(),
                outcome(item, locale));
    }

    /** Returns the one-line description that the inbox shows. */
    public String summary(InboxItem item, Locale locale) {
        return translations.getTranslation(
                "notification.summary." + item.kind().databaseValue(),
                locale,
                item.proposalReference(),
                item.proposalTitle(),
                outcome(item, locale),
                deadline(item, locale));
    }

    /** Returns the plain-text body: the summary and a link to the proposal. */
    public String body(InboxItem item, Locale locale) {
        return summary(item, locale) + "\n\n"
                + translations.getTranslation(
                        "notification.mail.link", locale, portalUrl + "/proposals/" + item.proposalId())
                + "\n\n" + translations.getTranslation("notification.mail.footer", locale);
    }

    private String outcome(InboxItem item, Locale locale) {
        return item.outcome() == null
                ? ""
                : translations.getTranslation("notification.outcome." + item.outcome(), locale);
    }

    private String deadline(InboxItem item, Locale locale) {
        return item.dueAt() == null
                ? translations.getTranslation("notification.no-deadline", locale)
                : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                        .withLocale(TranslationProvider.supported(locale))
                        .format(item.dueAt().atZone(ZONE));
    }
}
