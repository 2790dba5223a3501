package de.klammer.portal.identity.ui;

import de.klammer.portal.security.PortalRole;
import de.klammer.portal.shell.ui.NavigationTarget;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/** Navigation entries of the ledger identity views. */
@Configuration(proxyBeanMethods = false)
class IdentityNavigation {

    @Bean
    @Order(50)
    NavigationTarget identitiesNavigation() {
        return new NavigationTarget(
                "identity.nav.identities",
                LedgerIdentityListView.class,
                EnumSet.of(PortalRole.CLERK, PortalRole.AUTHORITY_ADMIN, PortalRole.DPO, PortalRole.AUDITOR));
    }

    @Bean
    @Order(51)
    NavigationTarget requestIdentityNavigation() {
        return new NavigationTarget(
                "identity.nav.request", LedgerIdentityForm.class, Set.of(PortalRole.CLERK, PortalRole.AUTHORITY_ADMIN));
    }

    @Bean
    @Order(52)
    NavigationTarget certificatesNavigation() {
        return new NavigationTarget(
                "identity.nav.certificates",
                CertificateListView.class,
                EnumSet.of(PortalRole.AUTHORITY_ADMIN, PortalRole.DPO, PortalRole.AUDITOR));
    }
}
