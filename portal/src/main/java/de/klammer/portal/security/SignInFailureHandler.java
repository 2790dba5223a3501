package de.klammer.portal.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.RedirectStrategy;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * Handles a failed OIDC sign-in, both a sign-in that cannot start at the authority's provider and a callback whose
 * tokens are rejected. It logs one warning that names the authority and the reason, and redirects the browser to the
 * sign-in page with an error code, which the page explains. The session stays without a signed-in user.
 */
class SignInFailureHandler implements AuthenticationFailureHandler {

    /** Error code for a failure that is no OAuth2 error. */
    static final String UNKNOWN_ERROR = "sign_in_failed";

    /**
     * Error code for a sign-in that cannot start, because the authority is not configured or its provider's discovery
     * document could not be read.
     */
    static final String AUTHORITY_UNAVAILABLE = "authority_unavailable";

    private static final Logger log = LoggerFactory.getLogger(SignInFailureHandler.class);

    /** Error codes that the sign-in page explains. Any other code reaches the page as {@link #UNKNOWN_ERROR}. */
    private static final Set<String> EXPLAINED_ERRORS = Set.of(
            "invalid_id_token",
            "invalid_nonce",
            "invalid_token_response",
            "access_denied",
            "authorization_request_not_found",
            "invalid_state_parameter",
            AUTHORITY_UNAVAILABLE);

    private static final String CALLBACK_PREFIX = "/login/oauth2/code/";
    private static final String AUTHORIZATION_PREFIX = "/oauth2/authorization/";

    private final String loginPath;
    private final RedirectStrategy redirects = new DefaultRedirectStrategy();

    SignInFailureHandler(String loginPath) {
        this.loginPath = loginPath;
    }

    @Override
    public void onAuthenticationFailure(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String errorCode = UNKNOWN_ERROR;
        String reason = exception.getMessage();
        if (path.startsWith(AUTHORIZATION_PREFIX)) {
            errorCode = AUTHORITY_UNAVAILABLE;
        } else if (exception instanceof OAuth2AuthenticationException oauth2) {
            OAuth2Error error = oauth2.getError();
            errorCode = error.getErrorCode();
            reason = error.getDescription() == null ? error.getErrorCode() : error.getDescription();
        }
        log.atWarn()
                .addKeyValue("authority", authority(path))
                .addKeyValue("error", errorCode)
                .log("Rejected OIDC sign-in: {}", reason);

        String shownCode = EXPLAINED_ERRORS.contains(errorCode) ? errorCode : UNKNOWN_ERROR;
        redirects.sendRedirect(request, response, loginPath + "?error=" + shownCode);
    }

    private static String authority(String path) {
        if (path.startsWith(CALLBACK_PREFIX)) {
            return path.substring(CALLBACK_PREFIX.length());
        }
        if (path.startsWith(AUTHORIZATION_PREFIX)) {
            return path.substring(AUTHORIZATION_PREFIX.length());
        }
        return "unknown";
    }
}
