package de.klammer.portal.shell.ui;

import com.vaadin.flow.component.Component;
import de.klammer.portal.security.PortalRole;
import java.util.Set;

/**
 * An entry of the main navigation. Features declare their entries as beans, ordered with {@code @Order}, so that the
 * shell needs no access to their package-private views.
 *
 * @param labelKey translation key of the label
 * @param view target view
 * @param roles roles that see the entry
 */
public record NavigationTarget(String labelKey, Class<? extends Component> view, Set<PortalRole> roles) {

    public NavigationTarget {
        roles = Set.copyOf(roles);
    }
}
