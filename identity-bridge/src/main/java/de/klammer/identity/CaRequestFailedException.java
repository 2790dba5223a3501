package de.klammer.identity;

import org.jspecify.annotations.Nullable;

/**
 * The CA rejected a request with an error response. This class covers errors without a more specific subclass and
 * carries the CA's error code (fabric-ca {@code lib/caerrors}) and message.
 */
public class CaRequestFailedException extends FabricCaException {

    /** Longest CA message kept; longer ones are cut. */
    private static final int MAX_CA_MESSAGE_LENGTH = 300;

    private final String operation;
    private final int httpStatus;
    private final int errorCode;
    private final String caMessage;

    /** Creates the generic failure, whose message quotes the CA. */
    public CaRequestFailedException(
            String caName,
            @Nullable String enrollmentId,
            String operation,
            int httpStatus,
            int errorCode,
            String caMessage) {
        this(
                caName,
                enrollmentId,
                operation,
                httpStatus,
                errorCode,
                caMessage,
                "Fabric CA " + caName + " rejected " + operation
                        + (enrollmentId == null ? "" : " for " + enrollmentId) + " with HTTP " + httpStatus
                        + ", error code " + errorCode + ": " + sanitize(caMessage) + ". " + hint(errorCode));
    }

    protected CaRequestFailedException(
            String caName,
            @Nullable String enrollmentId,
            String operation,
            int httpStatus,
            int errorCode,
            String caMessage,
            String message) {
        super(caName, enrollmentId, message, null);
        this.operation = operation;
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
        this.caMessage = sanitize(caMessage);
    }

    /** Returns the operation, for example {@code register} or {@code DELETE identities}. */
    public String operation() {
        return operation;
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** Returns the fabric-ca error code, for example 20 (authentication failure) or 71 (authorization failure). */
    public int errorCode() {
        return errorCode;
    }

    /** Returns the CA's message, cut before any echoed request body, because a body can contain a secret. */
    public String caMessage() {
        return caMessage;
    }

    private static String hint(int errorCode) {
        // fabric-ca sends only "Authentication failure" (20) or "Authorization failure" (71) and logs the cause.
        return errorCode == 20 || errorCode == 71
                ? "The CA log names the cause, which the CA does not send to clients."
                : "Correct the request as the CA's message says.";
    }

    static String sanitize(String caMessage) {
        // fabric-ca's "Invalid request body" error (code 5) appends "; body=<request>".
        int body = caMessage.indexOf("body=");
        String withoutBody = body < 0 ? caMessage : caMessage.substring(0, body) + "body=<removed>";
        return withoutBody.length() <= MAX_CA_MESSAGE_LENGTH
                ? withoutBody
                : withoutBody.substring(0, MAX_CA_MESSAGE_LENGTH) + "…";
    }
}
