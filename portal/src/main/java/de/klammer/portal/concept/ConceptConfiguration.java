package de.klammer.portal.concept;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds the concept settings. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ConceptProperties.class)
class ConceptConfiguration {}
