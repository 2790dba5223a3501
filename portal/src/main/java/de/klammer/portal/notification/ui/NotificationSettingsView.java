package de.klammer.portal.notification.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AccessDeniedErrorRouter;
import de.klammer.portal.notification.NotificationAddress;
import de.klammer.portal.notification.NotificationAddressService;
import de.klammer.portal.shell.TranslationProvider;
import jakarta.annotation.security.RolesAllowed;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import de.klammer.portal.shell.ui.MainLayout;

/**
 * The board member's e-mail notification settings. The address field is prefilled from the identity provider's
 * {@code email} claim when nothing is stored yet, but nothing is stored until the member saves.
 */
@Route(value = "notification-settings", layout = MainLayout.class)
@RolesAllowed("BOARD_MEMBER")
@AccessDeniedErrorRouter
class NotificationSettingsView extends VerticalLayout implements HasDynamicTitle {

    private final NotificationAddressService addresses;
    private final EmailField address = new EmailField();
    private final RadioButtonGroup<String> language = new RadioButtonGroup<>();
    private final Paragraph status = new Paragraph();
    private final Button delete = new Button();

    NotificationSettingsView(NotificationAddressService addresses) {
        this.addresses = addresses;
        setId("notification-settings-view");

        address.setId("notification-address");
        address.setLabel(getTranslation("notification.settings.address"));
        address.setHelperText(getTranslation("notification.settings.address-help"));
        address.setClearButtonVisible(true);
        address.setWidth("24em");

        language.setId("notification-language");
        language.setLabel(getTranslation("notification.settings.language"));
        language.setItems(TranslationProvider.LOCALES.stream().map(java.util.Locale::getLanguage).toList());
        language.setItemLabelGenerator(code -> getTranslation("notification.settings.language." + code));

        Button save = new Button(getTranslation("notification.settings.save"), event -> save());
        save.setId("notification-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        delete.setText(getTranslation("notification.settings.delete"));
        delete.setId("notification-delete");
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        delete.addClickListener(event -> delete());

        status.setId("notification-status");
        status.getElement().setAttribute("role", "status");

        add(new H1(getTranslation("notification.settings.title")),
                new Paragraph(getTranslation("notification.settings.explanation")),
                address,
                language,
                new HorizontalLayout(save, delete),
                status);
        load();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("notification.settings.title");
    }

    private void load() {
        if (!addresses.available()) {
            status.setText(getTranslation("notification.settings.unavailable"));
            setEnabledAll(false);
            return;
        }
        Optional<NotificationAddress> stored = addresses.current();
        if (stored.isPresent()) {
            address.setValue(stored.get().address());
            language.setValue(stored.get().language());
            status.setText(getTranslation("notification.settings.stored"));
        } else {
            address.setValue(claimedEmail());
            language.setValue(TranslationProvider.supported(getLocale()).getLanguage());
            status.setText(getTranslation("notification.settings.none"));
        }
        delete.setEnabled(stored.isPresent());
    }

    private void save() {
        try {
            addresses.save(address.getValue(), language.getValue() == null ? "" : language.getValue());
            address.setInvalid(false);
            status.setText(getTranslation("notification.settings.saved"));
            delete.setEnabled(true);
        } catch (IllegalArgumentException e) {
            address.setErrorMessage(getTranslation("notification.settings.invalid"));
            address.setInvalid(true);
            status.setText(getTranslation("notification.settings.invalid"));
        }
    }

    private void delete() {
        addresses.delete();
        address.clear();
        delete.setEnabled(false);
        status.setText(getTranslation("notification.settings.deleted"));
    }

    private void setEnabledAll(boolean enabled) {
        address.setEnabled(enabled);
        language.setEnabled(enabled);
        delete.setEnabled(enabled);
    }

    private static String claimedEmail() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof OidcUser oidc) {
            String email = oidc.getEmail();
            return email == null ? "" : email;
        }
        return "";
    }
}
