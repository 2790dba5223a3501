package de.klammer.portal.shell.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.spring.security.AuthenticationContext;
import de.klammer.portal.security.AuthorityStatusCheck;
import de.klammer.portal.security.CurrentUser;
import de.klammer.portal.security.PortalUser;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;

/**
 * Page shown when a signed-in user may not open a view. It explains why in plain words: the user's identity provider
 * belongs to no configured authority, the user's authority was offboarded, the user has no portal role, or the view
 * needs a role the user lacks.
 * Views opt in with {@code @AccessDeniedErrorRouter}; without it Vaadin shows "not found" in production mode.
 */
@AnonymousAllowed
class AccessDeniedView extends Main implements HasErrorParameter<AccessDeniedException>, HasDynamicTitle {

    private final CurrentUser currentUser;
    private final AuthenticationContext authentication;
    private final AuthorityStatusCheck authorityStatus;

    AccessDeniedView(
            CurrentUser currentUser, AuthenticationContext authentication, AuthorityStatusCheck authorityStatus) {
        this.currentUser = currentUser;
        this.authentication = authentication;
        this.authorityStatus = authorityStatus;
        setId("access-denied-view");
        getStyle().set("max-width", "40rem").set("margin", "3rem auto").set("padding", "0 var(--lumo-space-m)");
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<AccessDeniedException> parameter) {
        removeAll();
        Paragraph reason = new Paragraph(reason(currentUser.find()));
        reason.setId("access-denied-reason");

        Button signOut = new Button(getTranslation("layout.sign-out"), click -> authentication.logout());
        signOut.setId("sign-out");
        add(new H1(getTranslation("denied.heading")), reason, new Paragraph(getTranslation("denied.help")), signOut);
        return HttpServletResponse.SC_FORBIDDEN;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("denied.heading");
    }

    private String reason(Optional<PortalUser> user) {
        if (user.isEmpty()) {
            return getTranslation("denied.not-signed-in");
        }
        PortalUser.AuthorityRef authority = user.get().authority();
        if (authority == null) {
            return getTranslation("denied.unknown-issuer", user.get().issuer());
        }
        if (user.get().roles().isEmpty() && authorityStatus.isArchived(user.get())) {
            return getTranslation("offboarding.denied.archived", authority.name());
        }
        if (user.get().roles().isEmpty()) {
            return getTranslation("denied.no-role", authority.name());
        }
        return getTranslation("denied.missing-role");
    }
}
