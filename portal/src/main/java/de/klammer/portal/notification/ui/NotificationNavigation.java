package de.klammer.portal.notification.ui;

import de.klammer.portal.security.PortalRole;
import de.klammer.portal.shell.ui.NavigationTarget;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/** Navigation entries of the inbox and the notification settings. */
@Configuration(proxyBeanMethods = false)
class NotificationNavigation {

    @Bean
    @Order(5)
    NavigationTarget inboxNavigation() {
        return new NavigationTarget("nav.inbox", InboxView.class, Set.of(PortalRole.BOARD_MEMBER));
    }

    @Bean
    @Order(90)
    NavigationTarget notificationSettingsNavigation() {
        return new NavigationTarget(
                "nav.notification-settings", NotificationSettingsView.class, Set.of(PortalRole.BOARD_MEMBER));
    }
}
