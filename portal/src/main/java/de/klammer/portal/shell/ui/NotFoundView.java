package de.klammer.portal.shell.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Page shown with HTTP status 404 for an address that matches no view, or when a view finds nothing under its
 * address, for example a proposal id that does not exist. It shows a heading, the address and a link to the start
 * page. A user who is not signed in gets the sign-in page first.
 */
@AnonymousAllowed
class NotFoundView extends Main implements HasErrorParameter<NotFoundException>, HasDynamicTitle {

    NotFoundView() {
        setId("not-found-view");
        getStyle().set("max-width", "40rem").set("margin", "3rem auto").set("padding", "0 var(--lumo-space-m)");
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        removeAll();
        Paragraph text = new Paragraph(getTranslation("a11y.not-found.text", "/" + event.getLocation().getPath()));
        text.setId("not-found-text");
        Anchor home = new Anchor("", getTranslation("a11y.not-found.home"));
        home.setId("not-found-home");
        add(new H1(getTranslation("a11y.not-found.heading")), text, home);
        return HttpServletResponse.SC_NOT_FOUND;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("a11y.not-found.heading");
    }
}
