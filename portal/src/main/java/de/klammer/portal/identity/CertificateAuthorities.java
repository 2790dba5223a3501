package de.klammer.portal.identity;

import de.klammer.identity.FabricCaClient;
import de.klammer.identity.FabricCaEndpoint;
import de.klammer.identity.SigningIdentity;
import de.klammer.portal.authority.AuthorityService;
import de.klammer.portal.authority.OnboardedCa;
import de.klammer.portal.shell.NetworkDescriptor;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The Fabric CA of each authority, by MSP ID: the CAs configured under {@code klammer.identity} (or in the network
 * descriptor), and the CAs of authorities onboarded in the portal, read from the {@code authority} table on every
 * call, because several portal instances share that table. A configured CA wins over a stored one with the same MSP
 * ID. The registrar identity is enrolled on first use and kept in memory only, per MSP ID and only while the CA
 * settings stay the same. Every portal instance enrols its own.
 */
@Component
public class CertificateAuthorities {

    private final Map<String, IdentityProperties.CaProperties> configured = new LinkedHashMap<>();
    private final @Nullable AuthorityService authorities;
    private final Map<String, CachedClient> clients = new ConcurrentHashMap<>();

    /** Serves only the configured CAs; tests use it to point an MSP ID at a CA of their own. */
    public CertificateAuthorities(IdentityProperties properties) {
        this(properties, null);
    }

    /** Serves the configured CAs and those of authorities onboarded in the portal. */
    @Autowired
    public CertificateAuthorities(IdentityProperties properties, @Nullable AuthorityService authorities) {
        this.authorities = authorities;
        properties.authorities().forEach(ca -> configured.put(ca.mspId(), ca));
        if (properties.networkDescriptor() != null && !properties.networkDescriptor().toString().isEmpty()) {
            fromDescriptor(properties.networkDescriptor()).forEach(ca -> configured.putIfAbsent(ca.mspId(), ca));
        }
    }

    /** Returns the MSP IDs that have a CA: the configured ones, then those of active onboarded authorities. */
    public List<String> mspIds() {
        List<String> mspIds = new ArrayList<>(configured.keySet());
        if (authorities != null) {
            authorities.activeOnboardedCaMspIds().stream().filter(id -> !mspIds.contains(id)).forEach(mspIds::add);
        }
        return List.copyOf(mspIds);
    }

    /**
     * Returns the settings of a configured CA.
     *
     * @throws IllegalArgumentException when no CA is configured for the MSP ID, also when it is stored in the
     *     {@code authority} table only; use {@link #affiliation} for both kinds
     */
    public IdentityProperties.CaProperties settings(String mspId) {
        IdentityProperties.CaProperties settings = configured.get(mspId);
        if (settings == null) {
            throw new IllegalArgumentException("No Fabric CA configured for " + mspId + "; configured are "
                    + configured.keySet() + ". Add it under klammer.identity.authorities");
        }
        return settings;
    }

    /**
     * Returns the affiliation under which identities of the authority are registered.
     *
     * @throws IllegalArgumentException when the MSP ID has no CA
     */
    public String affiliation(String mspId) {
        IdentityProperties.CaProperties settings = configured.get(mspId);
        return settings != null ? settings.affiliation() : onboarded(mspId).affiliation();
    }

    /**
     * Returns a client of the authority's CA acting as its registrar. The CA of an archived onboarded authority is
     * still served, so that its identities can be revoked after it left the channel.
     *
     * @throws IllegalArgumentException when the MSP ID has no CA
     * @throws IllegalStateException when the stored TLS root is no certificate or the registrar secret does not open
     * @throws de.klammer.identity.FabricCaException when the CA is unreachable or refuses the registrar
     */
    public FabricCaClient client(String mspId) {
        IdentityProperties.CaProperties settings = configured.get(mspId);
        if (settings != null) {
            return cachedClient(mspId, settings, settings.registrarId(), settings.registrarSecret(), () ->
                    FabricCaEndpoint.of(URI.create(settings.url()), settings.caName(), settings.tlsRootCertificate()));
        }
        OnboardedCa ca = onboarded(mspId);
        StoredSettings stored = new StoredSettings(
                ca.url(), ca.caName(), ca.tlsRootPem(), ca.registrarId(), ca.registrarSecret());
        return cachedClient(mspId, stored, ca.registrarId(), ca.registrarSecret(), () -> new FabricCaEndpoint(
                URI.create(ca.url()), ca.caName(), tlsRoot(mspId, ca.tlsRootPem()), FabricCaEndpoint.DEFAULT_TIMEOUT));
    }

    /** Returns the cached client while {@code settings} equal those it was made with, otherwise enrols anew. */
    private FabricCaClient cachedClient(
            String mspId,
            Object settings,
            String registrarId,
            String registrarSecret,
            Supplier<FabricCaEndpoint> endpoint) {
        return clients.compute(mspId, (id, cached) -> {
                    if (cached != null && cached.settings().equals(settings)) {
                        return cached;
                    }
                    FabricCaEndpoint target = endpoint.get();
                    SigningIdentity registrar = FabricCaClient.enrollRegistrar(target, registrarId, registrarSecret);
                    return new CachedClient(settings, new FabricCaClient(target, registrar));
                })
                .client();
    }

    private OnboardedCa onboarded(String mspId) {
        if (authorities == null) {
            throw new IllegalArgumentException("No Fabric CA configured for " + mspId + "; configured are "
                    + configured.keySet() + ". Add it under klammer.identity.authorities");
        }
        return authorities.findOnboardedCa(mspId)
                .orElseThrow(() -> new IllegalArgumentException("No Fabric CA for " + mspId + ": it is neither"
                        + " configured (configured are " + configured.keySet() + ") nor stored for an active or"
                        + " archived authority. Onboard the authority with its CA settings, or add it under"
                        + " klammer.identity.authorities"));
    }

    private static X509Certificate tlsRoot(String mspId, String pem) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
        } catch (CertificateException | ClassCastException e) {
            throw new IllegalStateException("The stored CA TLS root certificate of " + mspId + " is not a valid"
                    + " PEM certificate; enter the CA settings of the authority again", e);
        }
    }

    private static List<IdentityProperties.CaProperties> fromDescriptor(Path descriptor) {
        NetworkDescriptor network = NetworkDescriptor.read(descriptor);
        return Arrays.stream(network.value("cas", "").split(","))
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

    /** CA settings stored in the database that the registrar client depends on. */
    private record StoredSettings(
            String url, String caName, String tlsRootPem, String registrarId, String registrarSecret) {}

    /** A registrar client with the settings it was made with. */
    private record CachedClient(Object settings, FabricCaClient client) {}
}
