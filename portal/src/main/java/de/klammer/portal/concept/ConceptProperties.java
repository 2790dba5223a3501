package de.klammer.portal.concept;

import jakarta.validation.constraints.NotBlank;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the role and rights concept under {@code klammer.portal.concept}.
 *
 * @param operatorMspId MSP of the network operator: its authority administrators may edit the catalogue, and a right
 *     that nobody holds compiles to a policy of its admins
 * @param authorityTypes type per authority code, given to authorities that are still unclassified at startup; a type
 *     set later in the catalogue is kept
 */
@Validated
@ConfigurationProperties("klammer.portal.concept")
public record ConceptProperties(
        @DefaultValue("OrdererMSP") @NotBlank String operatorMspId, Map<String, String> authorityTypes) {

    public ConceptProperties {
        authorityTypes = authorityTypes == null ? Map.of() : Map.copyOf(authorityTypes);
    }
}
