package de.klammer.portal.onboarding.ui;

import de.klammer.portal.security.PortalRole;
import de.klammer.portal.shell.ui.NavigationTarget;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/** Navigation entry of the onboarding wizard. */
@Configuration(proxyBeanMethods = false)
class OnboardingNavigation {

    @Bean
    @Order(75)
    NavigationTarget onboardingDraftsNavigation() {
        return new NavigationTarget("nav.onboarding", OnboardingDraftListView.class, Set.of(PortalRole.NETWORK_OPERATOR));
    }
}
