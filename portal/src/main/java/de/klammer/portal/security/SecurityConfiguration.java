package de.klammer.portal.security;

import static com.vaadin.flow.spring.security.VaadinSecurityConfigurer.vaadin;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;

/**
 * Secures the portal: every view needs a signed-in user, and sign-in runs only through the OIDC authorization-code
 * flow (with PKCE) at the user's authority. The sign-in page lists the authorities; there is no password form.
 */
@Configuration
@EnableWebSecurity
@EnableMethodSecurity
class SecurityConfiguration {

    /** Route of the sign-in page that lists the authorities. */
    static final String LOGIN_PATH = "/login";

    /**
     * Lets load balancers and metrics scrapers read health and Prometheus metrics without signing in, creates no
     * session for them, and denies every other actuator path.
     */
    @Bean
    @Order(1)
    SecurityFilterChain operationsEndpoints(HttpSecurity http) {
        http.securityMatcher("/actuator/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/prometheus")
                        .permitAll()
                        .anyRequest()
                        .denyAll())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .exceptionHandling(errors -> errors.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.FORBIDDEN)));
        return http.build();
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, PortalOidcUserService oidcUserService) {
        // The read-only JSON endpoints of the screens (used by the load test) need a signed-in user, and their service
        // methods check the roles. This rule comes before Vaadin's rules, which deny paths that are not views.
        // Spring Boot forwards a failed request to /error to render it. If that path were denied, every failure would
        // reach the client as an empty 403 instead of its own status.
        http.authorizeHttpRequests(requests -> requests
                .requestMatchers("/api/v1/**").authenticated()
                .requestMatchers("/error").permitAll());
        // Vaadin's configurer before the OAuth2 login: it sets the OAuth2 login page when it initialises, which must
        // happen before the OAuth2 login configurer initialises, or Spring Security generates its own login page.
        // By default Vaadin denies every path that is not a view. Here signed-in users reach the servlet instead, so
        // that an unknown address shows the not-found page. Views keep their own access checks.
        http.with(vaadin(), configurer -> configurer
                .oauth2LoginPage(LOGIN_PATH)
                .anyRequest(AuthorizeHttpRequestsConfigurer.AuthorizedUrl::authenticated));
        SignInFailureHandler failureHandler = new SignInFailureHandler(LOGIN_PATH);
        http.oauth2Login(login -> login
                .userInfoEndpoint(userInfo -> userInfo.oidcUserService(oidcUserService))
                .failureHandler(failureHandler)
                // Without this, an unknown authority or an unreachable provider ends in an HTTP 500 error page.
                .withObjectPostProcessor(new ObjectPostProcessor<OAuth2AuthorizationRequestRedirectFilter>() {
                    @Override
                    public <O extends OAuth2AuthorizationRequestRedirectFilter> O postProcess(O filter) {
                        filter.setAuthenticationFailureHandler(failureHandler);
                        return filter;
                    }
                }));
        return http.build();
    }
}
