package de.klammer.identity;

import java.net.URI;

/** The CA could not be reached: connection refused, connect or response timeout, TLS handshake or I/O failure. */
public class CaUnreachableException extends FabricCaException {

    private final URI url;
    private final String operation;

    public CaUnreachableException(FabricCaEndpoint endpoint, String operation, String reason, Throwable cause) {
        super(
                endpoint.caName(),
                null,
                "Fabric CA " + endpoint.caName() + " at " + endpoint.url() + " is unreachable for " + operation + ": "
                        + reason + ". Check that the CA server runs and that the URL and port are right.",
                cause);
        this.url = endpoint.url();
        this.operation = operation;
    }

    public URI url() {
        return url;
    }

    /** Returns the HTTP method and path, for example {@code POST /api/v1/enroll}. */
    public String operation() {
        return operation;
    }
}
