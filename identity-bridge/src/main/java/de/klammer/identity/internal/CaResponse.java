package de.klammer.identity.internal;

import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * A Fabric CA response: {@code {"success": bool, "result": …, "errors": [{"code", "message"}], "messages": […]}}.
 *
 * @param result the {@code result} member, a missing node when absent
 */
public record CaResponse(int httpStatus, boolean success, JsonNode result, List<CaError> errors) {

    /** One entry of the response's {@code errors} list. */
    public record CaError(int code, String message) {}

    /** Returns the first error, or a code-0 error naming the HTTP status when the CA sent none. */
    public CaError firstError() {
        return errors.isEmpty()
                ? new CaError(0, "HTTP status " + httpStatus + " without an error entry")
                : errors.getFirst();
    }
}
