package de.klammer.portal.governance.ui;

import de.klammer.portal.security.PortalRole;
import de.klammer.portal.shell.ui.NavigationTarget;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/** Navigation entries of the governance views. */
@Configuration(proxyBeanMethods = false)
class GovernanceNavigation {

    @Bean
    @Order(20)
    NavigationTarget proposalsNavigation() {
        return new NavigationTarget(
                "nav.proposals", ProposalListView.class, EnumSet.complementOf(EnumSet.of(PortalRole.CLERK)));
    }

    @Bean
    @Order(30)
    NavigationTarget newProposalNavigation() {
        return new NavigationTarget("nav.new-proposal", ProposalForm.class, Set.of(PortalRole.BOARD_MEMBER));
    }

    @Bean
    @Order(32)
    NavigationTarget decisionRulesNavigation() {
        return new NavigationTarget(
                "nav.decision-rules", DecisionRuleListView.class, EnumSet.complementOf(EnumSet.of(PortalRole.CLERK)));
    }

    @Bean
    @Order(34)
    NavigationTarget minutesNavigation() {
        return new NavigationTarget(
                "nav.minutes", MinutesView.class, EnumSet.of(PortalRole.BOARD_MEMBER, PortalRole.AUDITOR));
    }
}
