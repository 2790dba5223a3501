package de.klammer.portal.shell.ui;

import com.vaadin.flow.component.select.Select;
import de.klammer.portal.shell.LanguagePreference;
import de.klammer.portal.shell.TranslationProvider;
import java.util.Locale;

/** Select for the interface language; choosing one reloads the page in that language. */
public class LanguageSelect extends Select<Locale> {

    public LanguageSelect() {
        setId("language-select");
        setLabel(getTranslation("language.label"));
        setItems(TranslationProvider.LOCALES);
        setItemLabelGenerator(locale -> locale.getDisplayLanguage(locale));
        setValue(TranslationProvider.supported(getLocale()));
        addValueChangeListener(event -> {
            if (event.isFromClient() && event.getValue() != null) {
                LanguagePreference.switchTo(event.getValue());
            }
        });
    }
}
