package de.klammer.identity;

import java.security.cert.X509Certificate;
import java.util.List;

/**
 * Result of {@code GET /cainfo}.
 *
 * @param caChain the CA certificate chain, the CA's own certificate first
 * @param version the fabric-ca server version, for example {@code 1.5.21}
 */
public record CaInfo(String caName, List<X509Certificate> caChain, String version) {

    public CaInfo {
        caChain = List.copyOf(caChain);
    }
}
