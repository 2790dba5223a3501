package de.klammer.portal.shell;

import com.vaadin.flow.i18n.I18NProvider;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Translations from the resource bundles {@code messages_de.properties} (default) and {@code messages_en.properties}.
 * Any locale other than English gets German, the users' working language.
 */
@Component
public class TranslationProvider implements I18NProvider {

    private static final Logger log = LoggerFactory.getLogger(TranslationProvider.class);

    /** Base name of the resource bundles. */
    public static final String BUNDLE = "messages";

    /** Locales the portal offers, German first as the default. */
    public static final List<Locale> LOCALES = List.of(Locale.GERMAN, Locale.ENGLISH);

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    @Override
    public List<Locale> getProvidedLocales() {
        return LOCALES;
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        Locale supported = supported(locale);
        try {
            String pattern = ResourceBundle.getBundle(BUNDLE, supported, NO_FALLBACK).getString(key);
            return new MessageFormat(pattern, supported).format(params);
        } catch (MissingResourceException e) {
            log.atWarn()
                    .addKeyValue("key", key)
                    .addKeyValue("locale", supported)
                    .log("Missing translation");
            return "!" + key;
        }
    }

    /** Returns the supported locale for a requested one: English for English, German for everything else. */
    public static Locale supported(Locale locale) {
        return Locale.ENGLISH.getLanguage().equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.GERMAN;
    }
}
