package de.klammer.portal.shell.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import de.klammer.portal.security.AuthorityClientRegistrationRepository;
import de.klammer.portal.security.CurrentUser;
import de.klammer.portal.shell.PortalProperties;
import de.klammer.portal.shell.PortalProperties.AuthorityProperties;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Sign-in page: one link per configured authority and per active authority onboarded with an OIDC client, each
 * starting the OIDC authorization-code flow at that authority's identity provider. The portal itself has no password.
 */
@Route("login")
@AnonymousAllowed
class LoginView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    /** Error codes that {@code SignInFailureHandler} puts into the {@code error} query parameter. */
    private static final Set<String> SIGN_IN_ERRORS = Set.of(
            "invalid_id_token",
            "invalid_nonce",
            "invalid_token_response",
            "access_denied",
            "authorization_request_not_found",
            "authority_unavailable",
            "invalid_state_parameter",
            "sign_in_failed");

    private final CurrentUser currentUser;
    private final Paragraph error = new Paragraph();

    LoginView(
            PortalProperties properties,
            CurrentUser currentUser,
            AuthorityClientRegistrationRepository registrations) {
        this.currentUser = currentUser;
        setId("login-view");
        getStyle().set("max-width", "40rem").set("margin", "3rem auto").set("padding", "0 var(--lumo-space-m)");

        UnorderedList authorities = new UnorderedList();
        for (AuthorityProperties authority : properties.authorities()) {
            authorities.add(new ListItem(signInLink(authority.code(), authority.name())));
        }
        error.setId("login-error");
        error.setVisible(false);
        error.getElement().setAttribute("role", "alert");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        registrations.onboardedAuthorityNames()
                .forEach((code, name) -> authorities.add(new ListItem(signInLink(code, name))));
        add(new H1(getTranslation("login.heading")),
                error,
                new Paragraph(getTranslation("login.intro")),
                authorities,
                new LanguageSelect());
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (currentUser.find().isPresent()) {
            event.forwardTo("");
            return;
        }
        List<String> errors = event.getLocation().getQueryParameters().getParameters().get("error");
        if (errors != null && !errors.isEmpty()) {
            // Any other value comes from a hand-made link, so the page shows the general message for it.
            String code = SIGN_IN_ERRORS.contains(errors.getFirst()) ? errors.getFirst() : "sign_in_failed";
            error.setText(getTranslation("signin.error." + code));
            error.setVisible(true);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("login.title");
    }

    private Anchor signInLink(String code, String name) {
        // The OAuth2 client filter of Spring Security serves this path, so the Vaadin router must not handle it.
        Anchor link = new Anchor(
                "oauth2/authorization/" + code, getTranslation("login.with", name, code.toUpperCase(Locale.ROOT)));
        link.setRouterIgnore(true);
        link.setId("sign-in-" + code);
        return link;
    }
}
