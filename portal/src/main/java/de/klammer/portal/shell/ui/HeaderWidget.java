package de.klammer.portal.shell.ui;

import com.vaadin.flow.component.Component;
import de.klammer.portal.security.PortalUser;
import java.util.Optional;

/**
 * A component that a feature adds to the header next to the signed-in user, such as the inbox bell. Features
 * declare widgets as beans, so the shell needs no access to their packages.
 */
public interface HeaderWidget {

    /** Creates the widget for the user, or returns empty when the user should not see it. */
    Optional<Component> create(PortalUser user);
}
