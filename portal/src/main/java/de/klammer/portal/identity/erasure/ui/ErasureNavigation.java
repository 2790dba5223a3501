package de.klammer.portal.identity.erasure.ui;

import de.klammer.portal.security.PortalRole;
import de.klammer.portal.shell.ui.NavigationTarget;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/** Navigation entries of erasure and rectification requests. */
@Configuration(proxyBeanMethods = false)
class ErasureNavigation {

    @Bean
    @Order(60)
    NavigationTarget requestWorkbenchNavigation() {
        return new NavigationTarget("erasure.nav.workbench", RequestWorkbenchView.class,
                Set.of(PortalRole.DPO, PortalRole.AUTHORITY_ADMIN, PortalRole.AUDITOR));
    }

    @Bean
    @Order(61)
    NavigationTarget requestFormNavigation() {
        return new NavigationTarget(
                "erasure.nav.new-request",
                RequestForm.class,
                Set.of(PortalRole.CLERK, PortalRole.DPO, PortalRole.AUTHORITY_ADMIN));
    }
}
