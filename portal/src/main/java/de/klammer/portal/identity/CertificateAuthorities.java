package de.klammer.portal.identity;

import de.klammer.identity.FabricCaClient;
import de.klammer.identity.FabricCaEndpoint;
import de.klammer.identity.SigningIdentity;
import de.klammer.portal.shell.NetworkDescriptor;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The Fabric CA of each authority, by MSP ID. The registrar identity is enrolled on first use and kept in memory
 * only; every portal instance enrols its own.
 */
@Component
public class CertificateAuthorities {

    private final Map<String, IdentityProperties.CaProperties> authorities = new LinkedHashMap<>();
    private final Map<String, FabricCaClient> clients = new ConcurrentHashMap<>();

    public CertificateAuthorities(IdentityProperties properties) {
        properties.authorities().forEach(ca -> authorities.put(ca.mspId(), ca));
        if (properties.networkDescriptor() != null && !properties.networkDescriptor().toString().isEmpty()) {
            fromDescriptor(properties.networkDescriptor()).forEach(ca -> authorities.putIfAbsent(ca.mspId(), ca));
        }
    }

    /** Returns the MSP IDs that have a CA configured. */
    public List<String> mspIds() {
        return List.copyOf(authorities.keySet());
    }

    /** Returns the settings of the authority's CA. */
    public IdentityProperties.CaProperties settings(String mspId) {
        IdentityProperties.CaProperties settings = authorities.get(mspId);
        if (settings == null) {
            throw new IllegalArgumentException("No Fabric CA configured for " + mspId + "; configured are "
                    + authorities.keySet() + ". Add it under klammer.identity.authorities");
        }
        return settings;
    }

    /**
     * Returns a client of the authority's CA acting as its registrar.
     *
     * @throws de.klammer.identity.FabricCaException when the CA is unreachable or refuses the registrar
     */
    public FabricCaClient client(String mspId) {
        return clients.computeIfAbsent(mspId, id -> {
            IdentityProperties.CaProperties settings = settings(id);
            FabricCaEndpoint endpoint =
                    FabricCaEndpoint.of(URI.create(settings.url()), settings.caName(), settings.tlsRootCertificate());
            SigningIdentity registrar = FabricCaClient.enrollRegistrar(
                    endpoint, settings.registrarId(), settings.registrarSecret());
            return new FabricCaClient(endpoint, registrar);
        });
    }

    private static List<IdentityProperties.CaProperties> fromDescriptor(Path descriptor) {
        NetworkDescriptor network = NetworkDescriptor.read(descriptor);
        return java.util.Arrays.stream(network.value("cas", "").split(","))
                .map(String::strip)
                .filter(msp -> !msp.isEmpty())
                .map(msp -> new IdentityProperties.CaProperties(
                        msp,
                        network.value("ca." + msp + ".url"),
                        network.value("ca." + msp + ".name"),
                        Path.of(network.value("ca." + msp + ".tls.ca")),
                        network.value("ca." + msp + ".registrar.id"),
                        network.value("ca." + msp + ".registrar.secret"),
                        network.value("ca." + msp + ".affiliation")))
                .toList();
    }
}
