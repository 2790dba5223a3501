package de.klammer.portal.identity.erasure;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when executing a request failed after its last committed step. Executing it again resumes from there. A
 * certificate that a correction issued before the failure travels with it, since a resumed run does not issue it again.
 */
public class RequestExecutionException extends RuntimeException {

    private final String reference;
    private final ExecutionStep committedStep;
    private final transient @Nullable IssuedCertificate issued;

    public RequestExecutionException(
            String reference, ExecutionStep committedStep, @Nullable IssuedCertificate issued, RuntimeException cause) {
        super("Executing request " + reference + " failed after step " + committedStep.databaseValue() + ": "
                + describe(cause) + ". Fix the cause and execute the request again to resume.", cause);
        this.reference = reference;
        this.committedStep = committedStep;
        this.issued = issued;
    }

    private static String describe(RuntimeException cause) {
        return cause.getMessage() == null ? cause.getClass().getName() : cause.getMessage();
    }

    public String reference() {
        return reference;
    }

    public ExecutionStep committedStep() {
        return committedStep;
    }

    /** Returns the certificate issued in the failed run, to hand over to its holder, or null. */
    public @Nullable IssuedCertificate issued() {
        return issued;
    }
}
