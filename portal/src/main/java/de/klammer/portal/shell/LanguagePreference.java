package de.klammer.portal.shell;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinSession;
import java.util.Locale;

/** The user's chosen interface language, kept in the Vaadin session. */
public final class LanguagePreference {

    /** Session attribute that stores the chosen {@link Locale}. */
    static final String SESSION_ATTRIBUTE = "klammer.language";

    private LanguagePreference() {}

    /** Stores the language for the session and reloads the page so every text is rendered in it. */
    public static void switchTo(Locale locale) {
        Locale supported = TranslationProvider.supported(locale);
        VaadinSession session = VaadinSession.getCurrent();
        session.setAttribute(SESSION_ATTRIBUTE, supported);
        session.setLocale(supported);
        UI.getCurrent().getPage().reload();
    }
}
