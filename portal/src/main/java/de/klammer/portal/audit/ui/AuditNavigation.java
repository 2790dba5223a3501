package de.klammer.portal.audit.ui;

import de.klammer.portal.security.PortalRole;
import de.klammer.portal.shell.ui.NavigationTarget;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/** Navigation entry of the audit trail's verify page. */
@Configuration(proxyBeanMethods = false)
class AuditNavigation {

    @Bean
    @Order(80)
    NavigationTarget auditTrailNavigation() {
        return new NavigationTarget(
                "nav.audit-trail", AuditTrailView.class, Set.of(PortalRole.AUDITOR, PortalRole.DPO));
    }
}
