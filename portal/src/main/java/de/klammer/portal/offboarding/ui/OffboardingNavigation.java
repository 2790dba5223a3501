package de.klammer.portal.offboarding.ui;

import de.klammer.portal.security.PortalRole;
import de.klammer.portal.shell.ui.NavigationTarget;
import java.util.EnumSet;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/** Navigation entry of the offboarding view. */
@Configuration(proxyBeanMethods = false)
class OffboardingNavigation {

    @Bean
    @Order(36)
    NavigationTarget offboardingViewNavigation() {
        return new NavigationTarget("nav.offboarding", OffboardingView.class,
                EnumSet.of(PortalRole.AUTHORITY_ADMIN, PortalRole.BOARD_MEMBER, PortalRole.AUDITOR,
                        PortalRole.NETWORK_OPERATOR));
    }
}
