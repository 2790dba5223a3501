package de.klammer.ledger;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How to reach a peer's gRPC port over TLS.
 *
 * @param host host name or address
 * @param port gRPC port (Endorser and Deliver services)
 * @param tlsRootCertificate PEM file of the CA that issued the peer's TLS certificate
 * @param tlsHostnameOverride host name to verify the TLS certificate against
 */
public record PeerEndpoint(String host, int port, Path tlsRootCertificate, String tlsHostnameOverride) {

    public PeerEndpoint {
        Objects.requireNonNull(host, "host must not be null");
        Objects.requireNonNull(tlsRootCertificate, "tlsRootCertificate must not be null");
        Objects.requireNonNull(tlsHostnameOverride, "tlsHostnameOverride must not be null");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("Peer port " + port + " is out of range, use 1 to 65535");
        }
    }

    /** Parses an address of the form {@code host:port}, as the network descriptor writes it. */
    public static PeerEndpoint parse(String address, Path tlsRootCertificate, String tlsHostnameOverride) {
        int colon = address.lastIndexOf(':');
        if (colon <= 0 || colon == address.length() - 1) {
            throw new IllegalArgumentException("Invalid peer address '" + address + "': write host:port, for example"
                    + " 127.0.0.1:7051");
        }
        int port;
        try {
            port = Integer.parseInt(address.substring(colon + 1));
        } catch (NumberFormatException e) {
            port = -1;
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("Invalid port in peer address '" + address + "': write host:port with a"
                    + " port from 1 to 65535, for example 127.0.0.1:7051");
        }
        return new PeerEndpoint(address.substring(0, colon), port, tlsRootCertificate, tlsHostnameOverride);
    }
}
