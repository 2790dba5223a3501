package de.klammer.identity;

import de.klammer.identity.internal.CaResponse;
import de.klammer.identity.internal.CaResponse.CaError;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Recognizes fabric-ca v1.5.21 error responses. The codes are those of fabric-ca's {@code lib/caerrors}; the CA
 * hides the cause of authentication (20) and authorization (71) failures from clients, so the client looks further
 * where it must tell causes apart.
 */
final class FabricCaErrors {

    /** Wrong secret, unknown identity, exhausted max_enrollments, revoked identity, or an invalid token. */
    static final int AUTHENTICATION_FAILURE = 20;
    /** Missing right or unknown affiliation, among others. */
    static final int AUTHORIZATION_FAILURE = 71;
    /** Too many wrong secrets in a row ({@code ErrPasswordAttempts}). */
    static final int PASSWORD_ATTEMPTS = 73;
    /** Identity removal failed ({@code ErrRemoveIdentity}), e.g. removal disabled. */
    static final int REMOVE_IDENTITY = 56;
    /** Identity modification failed ({@code ErrModifyingIdentity}), e.g. unknown affiliation. */
    static final int MODIFYING_IDENTITY = 58;
    /** A database lookup failed ({@code ErrDBGet}), e.g. "Failed to get User: sql: no rows in result set". */
    static final int DB_GET = 63;

    private static final Pattern MISSING_ATTRIBUTES =
            Pattern.compile("required attributes are missing: \\[([^\\]]*)\\]");
    private static final Pattern UNSUPPORTED_AFFILIATION = Pattern.compile("Affiliation '([^']*)' is not supported");
    private static final String NO_ROWS = "no rows in result set";

    private FabricCaErrors() {}

    static boolean hasCode(CaResponse response, int code) {
        return response.errors().stream().anyMatch(error -> error.code() == code);
    }

    static CaRequestFailedException generic(
            String caName, @Nullable String enrollmentId, String operation, CaResponse response) {
        CaError error = response.firstError();
        return new CaRequestFailedException(
                caName, enrollmentId, operation, response.httpStatus(), error.code(), error.message());
    }

    /** Returns the attribute names of a "required attributes are missing" enrollment error, or null for others. */
    static @Nullable List<String> missingAttributes(CaResponse response) {
        for (CaError error : response.errors()) {
            Matcher matcher = MISSING_ATTRIBUTES.matcher(error.message());
            if (matcher.find()) {
                return Arrays.stream(matcher.group(1).split("\\s+"))
                        .filter(name -> !name.isEmpty())
                        .toList();
            }
        }
        return null;
    }

    static boolean isRemovalDisabled(CaResponse response) {
        return response.errors().stream()
                .anyMatch(error ->
                        error.code() == REMOVE_IDENTITY && error.message().contains("disabled"));
    }

    /** Returns the affiliation named by a modify error "Affiliation 'x' is not supported", or null. */
    static @Nullable String unsupportedAffiliation(CaResponse response) {
        for (CaError error : response.errors()) {
            Matcher matcher = UNSUPPORTED_AFFILIATION.matcher(error.message());
            if (error.code() == MODIFYING_IDENTITY && matcher.find()) {
                return matcher.group(1);
            }
        }
        return null;
    }

    /**
     * Recognizes the response to a lookup of an identity or affiliation that the CA does not have: HTTP 404 with
     * error 63 and the database's "no rows" message.
     */
    static boolean isNotFound(CaResponse response) {
        return response.errors().stream()
                .anyMatch(error -> error.code() == DB_GET && error.message().contains(NO_ROWS));
    }
}
