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
 * @param rolePrincipals whether compiled policies name one {@code <MSP>.OU(<role code>)} principal per role holding a
 *     right, so the peers reject other roles of the same authority; on by default. Only identities registered under
 *     the role's sub-affiliation carry that OU, which the portal's enrolment does for identities with a role
 *     assignment. Off, the policies name {@code <MSP>.member} per authority.
 */
@Validated
@ConfigurationProperties("klammer.portal.concept")
public record ConceptProperties(
        @DefaultValue("OrdererMSP") @NotBlank String operatorMspId,
        Map<String, String> authorityTypes,
        @DefaultValue("true") boolean rolePrincipals) {

    public ConceptProperties {
        authorityTypes = authorityTypes == null ? Map.of() : Map.copyOf(authorityTypes);
    }
}
