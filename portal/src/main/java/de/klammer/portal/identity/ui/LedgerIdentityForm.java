package de.klammer.portal.identity.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AccessDeniedErrorRouter;
import de.klammer.identity.PersonRecord;
import de.klammer.portal.identity.KeySource;
import de.klammer.portal.identity.LedgerIdentityDetails;
import de.klammer.portal.identity.LedgerIdentityService;
import de.klammer.portal.identity.LedgerRole;
import de.klammer.portal.security.CurrentUser;
import de.klammer.portal.security.PortalRole;
import de.klammer.portal.security.PortalUser;
import de.klammer.portal.shell.ui.MainLayout;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Requests a ledger identity: a clerk for themselves, an administrator also for a clerk or a technical system. The
 * clerk's name, e-mail and OIDC subject go into the identity vault only.
 */
@Route(value = "identities/new", layout = MainLayout.class)
@RolesAllowed({"CLERK", "AUTHORITY_ADMIN"})
@AccessDeniedErrorRouter
class LedgerIdentityForm extends VerticalLayout implements HasDynamicTitle {

    /** Person or system the identity is requested for. */
    enum Target {
        SELF,
        PERSON,
        SYSTEM
    }

    private final LedgerIdentityService identities;
    private final RadioButtonGroup<Target> target = new RadioButtonGroup<>();
    private final TextField givenName = new TextField();
    private final TextField familyName = new TextField();
    private final EmailField email = new EmailField();
    private final TextField oidcSubject = new TextField();
    private final CheckboxGroup<LedgerRole> roles = new CheckboxGroup<>();
    private final DatePicker validUntil = new DatePicker();
    private final RadioButtonGroup<KeySource> keySource = new RadioButtonGroup<>();
    private final String issuer;

    LedgerIdentityForm(LedgerIdentityService identities, CurrentUser currentUser) {
        this.identities = identities;
        PortalUser user = currentUser.require();
        this.issuer = user.issuer();
        setId("identity-form");
        add(new H1(getTranslation("identity.form.heading")), createFields(user), createButtons());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("identity.form.heading");
    }

    private Component createFields(PortalUser user) {
        List<Target> targets =
                user.hasRole(PortalRole.AUTHORITY_ADMIN) ? List.of(Target.values()) : List.of(Target.SELF);
        target.setLabel(getTranslation("identity.form.target"));
        target.setItems(targets);
        target.setItemLabelGenerator(
                item -> getTranslation("identity.form.target." + item.name().toLowerCase(Locale.ROOT)));
        target.setValue(Target.SELF);
        target.setId("identity-target");
        target.addValueChangeListener(event -> showPersonFields(event.getValue() == Target.PERSON));

        givenName.setLabel(getTranslation("identity.form.given-name"));
        familyName.setLabel(getTranslation("identity.form.family-name"));
        email.setLabel(getTranslation("identity.form.email"));
        oidcSubject.setLabel(getTranslation("identity.form.oidc-subject"));
        oidcSubject.setHelperText(getTranslation("identity.form.oidc-subject.help"));
        oidcSubject.setRequiredIndicatorVisible(true);
        showPersonFields(false);

        roles.setLabel(getTranslation("identity.roles"));
        roles.setItems(LedgerRole.values());
        roles.setItemLabelGenerator(role -> IdentityTexts.role(this, role));
        // NOTE: no required indicator, because Vaadin 25.2's checkbox group then sets aria-required on its host,
        // whose role "group" does not allow that attribute (axe rule aria-allowed-attr). The helper text states the rule.
        roles.setHelperText(getTranslation("identity.form.roles.required"));
        roles.setId("identity-roles");

        validUntil.setLabel(getTranslation("identity.valid-until"));
        validUntil.setMin(LocalDate.now().plusDays(1));
        validUntil.setValue(LocalDate.now().plusYears(1));
        validUntil.setRequiredIndicatorVisible(true);
        validUntil.setId("identity-valid-until");

        keySource.setLabel(getTranslation("identity.key-source"));
        keySource.setItems(KeySource.values());
        keySource.setItemLabelGenerator(
                source -> getTranslation("identity.key-source." + source.name().toLowerCase(Locale.ROOT)));
        keySource.setValue(KeySource.GENERATED);
        keySource.setId("identity-key-source");

        return new FormLayout(target, givenName, familyName, email, oidcSubject, roles, validUntil, keySource);
    }

    private Component createButtons() {
        Button submit = new Button(getTranslation("identity.form.submit"), event -> submit());
        submit.setId("submit-identity-request");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        return submit;
    }

    private void showPersonFields(boolean visible) {
        givenName.setVisible(visible);
        familyName.setVisible(visible);
        email.setVisible(visible);
        oidcSubject.setVisible(visible);
    }

    private void submit() {
        if (roles.getValue().isEmpty()) {
            roles.setInvalid(true);
            roles.setErrorMessage(getTranslation("identity.form.roles.required"));
            return;
        }
        if (validUntil.getValue() == null || validUntil.isInvalid()) {
            validUntil.setInvalid(true);
            validUntil.setErrorMessage(getTranslation("identity.form.valid-until.invalid"));
            return;
        }
        if (target.getValue() == Target.PERSON && oidcSubject.getValue().isBlank()) {
            oidcSubject.setInvalid(true);
            oidcSubject.setErrorMessage(getTranslation("identity.form.oidc-subject.required"));
            return;
        }
        try {
            LedgerIdentityDetails created = request();
            getUI().ifPresent(ui -> ui.navigate(LedgerIdentityDetailsView.class, created.id().toString()));
        } catch (IllegalArgumentException | IllegalStateException e) {
            Notification.show(getTranslation("identity.form.failed", e.getMessage()))
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    private LedgerIdentityDetails request() {
        return switch (target.getValue()) {
            case SELF -> identities.requestForSelf(roles.getValue(), validUntil.getValue(), keySource.getValue());
            case SYSTEM -> identities.requestForSystem(roles.getValue(), validUntil.getValue(), keySource.getValue());
            case PERSON -> identities.requestForPerson(
                    new PersonRecord(
                            blankToNull(givenName.getValue()),
                            blankToNull(familyName.getValue()),
                            blankToNull(email.getValue()),
                            issuer,
                            oidcSubject.getValue().strip()),
                    roles.getValue(),
                    validUntil.getValue(),
                    keySource.getValue());
        };
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
