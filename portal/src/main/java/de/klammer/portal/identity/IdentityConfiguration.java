package de.klammer.portal.identity;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds the identity lifecycle's settings. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({IdentityProperties.class, CertificateExpiryProperties.class})
class IdentityConfiguration {}
