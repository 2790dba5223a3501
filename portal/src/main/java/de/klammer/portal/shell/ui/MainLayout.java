package de.klammer.portal.shell.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.spring.security.AuthenticationContext;
import de.klammer.portal.security.CurrentUser;
import de.klammer.portal.security.PortalUser;
import jakarta.annotation.security.PermitAll;
import java.util.List;

/**
 * Frame of every portal page: the application name, the signed-in user with their authority, the language select,
 * sign-out, and the navigation.
 */
@PermitAll
public class MainLayout extends AppLayout {

    MainLayout(
            CurrentUser currentUser,
            AuthenticationContext authentication,
            List<NavigationTarget> targets,
            List<HeaderWidget> widgets) {
        PortalUser user = currentUser.require();
        setPrimarySection(Section.NAVBAR);
        addToNavbar(createDrawerToggle(), createTitle(), createUserArea(user, authentication, widgets));
        addToDrawer(createNavigation(user, targets));
    }

    private Component createDrawerToggle() {
        DrawerToggle toggle = new DrawerToggle();
        toggle.setId("drawer-toggle");
        // Vaadin's own label is English, so it is replaced with one in the page language for screen readers.
        toggle.setAriaLabel(getTranslation("a11y.drawer-toggle"));
        return toggle;
    }

    private Component createTitle() {
        Span title = new Span(getTranslation("app.title"));
        title.addClassName("klammer-app-title");
        title.getStyle().set("font-size", "var(--lumo-font-size-l)").set("font-weight", "600");
        return title;
    }

    private Component createUserArea(
            PortalUser user, AuthenticationContext authentication, List<HeaderWidget> widgets) {
        Span identity = new Span(identityText(user));
        identity.setId("current-user");

        Span authority = new Span(user.authority() == null ? "" : user.authority().name());
        authority.setId("current-authority");

        Div userText = new Div(identity, new Div(authority));
        userText.getStyle().set("text-align", "right").set("font-size", "var(--lumo-font-size-s)");

        Button signOut = new Button(getTranslation("layout.sign-out"), event -> authentication.logout());
        signOut.setId("sign-out");
        signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY);

        HorizontalLayout area = new HorizontalLayout();
        widgets.forEach(widget -> widget.create(user).ifPresent(area::add));
        area.add(userText, new LanguageSelect(), signOut);
        area.setAlignItems(Alignment.CENTER);
        area.getStyle().set("margin-left", "auto").set("padding-right", "var(--lumo-space-m)");
        return area;
    }

    private String identityText(PortalUser user) {
        PortalUser.BoardMemberRef member = user.boardMember();
        String roles = String.join(", ", user.roles().stream()
                .sorted()
                .map(role -> getTranslation("role." + role.name()))
                .toList());
        return member == null
                ? getTranslation("layout.user", user.displayName(), roles)
                : getTranslation("layout.board-member", user.displayName(), member.pseudonym(), roles);
    }

    private Component createNavigation(PortalUser user, List<NavigationTarget> targets) {
        SideNav navigation = new SideNav();
        navigation.setId("main-navigation");
        navigation.setLabel(getTranslation("layout.navigation"));
        for (NavigationTarget target : targets) {
            if (target.roles().stream().anyMatch(user::hasRole)) {
                navigation.addItem(new SideNavItem(getTranslation(target.labelKey()), target.view()));
            }
        }
        return navigation;
    }
}
