package de.klammer.portal.identity.erasure;

import org.jspecify.annotations.Nullable;

/**
 * Outcome of executing a request.
 *
 * @param request the request after execution
 * @param issued the certificate a correction issued in this run, for handing over to its holder; null otherwise
 */
public record ExecutionResult(RequestSummary request, @Nullable IssuedCertificate issued) {}
