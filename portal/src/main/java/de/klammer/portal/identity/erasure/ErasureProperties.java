package de.klammer.portal.identity.erasure;

import de.klammer.identity.GermanState;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of erasure and rectification requests under {@code klammer.identity.erasure}.
 *
 * @param controllerStates state of each authority's responsible office by MSP ID, whose public holidays move the
 *     deadlines of GDPR Art. 12(3), for example {@code BamfMSP: BY} (Nuremberg) and {@code LdsMSP: SN}
 * @param channels channels whose MSP definitions receive the CRLs; empty means the portal's channel. Channels where
 *     the organisation is not a member are skipped
 * @param awaitTimeout how long execution waits for the config block that carries a CRL update
 */
@Validated
@ConfigurationProperties("klammer.identity.erasure")
public record ErasureProperties(
        @DefaultValue Map<String, GermanState> controllerStates,
        @DefaultValue List<String> channels,
        @DefaultValue("PT60S") Duration awaitTimeout) {

    public ErasureProperties {
        controllerStates = Map.copyOf(controllerStates);
        channels = List.copyOf(channels);
    }

    /**
     * Returns the state of the authority's responsible office.
     *
     * @throws IllegalStateException when none is configured for the MSP ID
     */
    public GermanState controllerState(String mspId) {
        GermanState state = controllerStates.get(mspId);
        if (state == null) {
            throw new IllegalStateException("No controller state configured for " + mspId
                    + ": set klammer.identity.erasure.controller-states." + mspId + " to a state code such as BY or SN");
        }
        return state;
    }
}
