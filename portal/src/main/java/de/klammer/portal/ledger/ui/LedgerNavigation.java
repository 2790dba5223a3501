package de.klammer.portal.ledger.ui;

import de.klammer.portal.security.PortalRole;
import de.klammer.portal.shell.ui.NavigationTarget;
import java.util.EnumSet;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/** Navigation entry of the channel view. */
@Configuration(proxyBeanMethods = false)
class LedgerNavigation {

    @Bean
    @Order(10)
    NavigationTarget channelNavigation() {
        return new NavigationTarget(
                "nav.channel", ChannelOverviewView.class, EnumSet.complementOf(EnumSet.of(PortalRole.CLERK)));
    }
}
