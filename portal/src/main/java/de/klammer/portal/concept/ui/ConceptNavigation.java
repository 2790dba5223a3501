package de.klammer.portal.concept.ui;

import de.klammer.portal.security.PortalRole;
import de.klammer.portal.shell.ui.NavigationTarget;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/** Navigation entries of the role and rights concept. */
@Configuration(proxyBeanMethods = false)
class ConceptNavigation {

    private static final Set<PortalRole> READERS =
            Set.of(PortalRole.BOARD_MEMBER, PortalRole.AUTHORITY_ADMIN, PortalRole.DPO, PortalRole.AUDITOR);

    @Bean
    @Order(60)
    NavigationTarget conceptMatrixNavigation() {
        return new NavigationTarget("nav.concept-matrix", ConceptMatrixView.class, READERS);
    }

    @Bean
    @Order(61)
    NavigationTarget conceptCatalogueNavigation() {
        return new NavigationTarget("nav.concept-catalogue", ConceptCatalogueView.class, READERS);
    }

    @Bean
    @Order(62)
    NavigationTarget conceptImportNavigation() {
        return new NavigationTarget(
                "nav.concept-import", ConceptImportView.class, Set.of(PortalRole.BOARD_MEMBER, PortalRole.AUTHORITY_ADMIN));
    }

    @Bean
    @Order(63)
    NavigationTarget conceptPlanNavigation() {
        return new NavigationTarget("nav.concept-plan", ConceptPlanView.class, READERS);
    }

    @Bean
    @Order(66)
    NavigationTarget conceptVersionsNavigation() {
        return new NavigationTarget("nav.concept-versions", ConceptVersionsView.class, READERS);
    }

    @Bean
    @Order(65)
    NavigationTarget conceptDriftNavigation() {
        return new NavigationTarget("nav.concept-drift", ConceptDriftView.class, READERS);
    }

    @Bean
    @Order(64)
    NavigationTarget roleAssignmentNavigation() {
        return new NavigationTarget("nav.role-assignment", RoleAssignmentForm.class, Set.of(PortalRole.AUTHORITY_ADMIN));
    }
}
