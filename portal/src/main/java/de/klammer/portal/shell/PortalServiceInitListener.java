package de.klammer.portal.shell;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Installs the global error handler on every Vaadin session and gives every new UI the session's language, which is
 * German until the user switches.
 */
@Component
class PortalServiceInitListener implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource()
                .addSessionInitListener(sessionInit -> sessionInit.getSession().setErrorHandler(new PortalErrorHandler()));
        event.getSource().addUIInitListener(uiInit -> {
            UI ui = uiInit.getUI();
            Locale locale = sessionLocale(ui.getSession());
            ui.setLocale(locale);
            // Screen readers pick their pronunciation from the page language.
            ui.getPage().executeJs("document.documentElement.lang = $0", locale.getLanguage());
        });
    }

    private static Locale sessionLocale(VaadinSession session) {
        Object chosen = session.getAttribute(LanguagePreference.SESSION_ATTRIBUTE);
        return chosen instanceof Locale locale ? TranslationProvider.supported(locale) : Locale.GERMAN;
    }
}
