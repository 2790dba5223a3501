package de.klammer.ledger;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How to reach an orderer's client port over TLS.
 *
 * @param host host name or address
 * @param port client (Broadcast and Deliver) port
 * @param tlsRootCertificate PEM file of the CA that issued the orderer's TLS certificate
 * @param tlsHostnameOverride host name to verify the TLS certificate against
 */
public record OrdererEndpoint(String host, int port, Path tlsRootCertificate, String tlsHostnameOverride) {

    public OrdererEndpoint {
        Objects.requireNonNull(host, "host must not be null");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("Orderer port " + port + " is out of range, use 1 to 65535");
        }
    }
}
