package de.klammer.portal.identity.review.ui;

import de.klammer.portal.security.PortalRole;
import de.klammer.portal.shell.ui.NavigationTarget;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/** Navigation entry of access reviews. */
@Configuration(proxyBeanMethods = false)
class AccessReviewNavigation {

    @Bean
    @Order(62)
    NavigationTarget accessReviewListNavigation() {
        return new NavigationTarget("review.nav", AccessReviewView.class,
                Set.of(PortalRole.AUTHORITY_ADMIN, PortalRole.DPO, PortalRole.AUDITOR));
    }
}
