package de.klammer.portal.security.demo;

import no.nav.security.mock.oauth2.http.OAuth2HttpRequest;
import no.nav.security.mock.oauth2.http.OAuth2HttpResponse;
import no.nav.security.mock.oauth2.http.Route;
import okhttp3.Headers;

/**
 * Rejects sign-in form posts that carry the {@code claims} field of mock-oauth2-server's default sign-in page. That
 * field would let anyone type a roles claim; the demo provider attaches claims from its configuration only.
 * mock-oauth2-server tries additional routes before its own, so this route receives every sign-in post first.
 */
final class ClaimsFieldRejectingRoute implements Route {

    private static final String CLAIMS_FIELD = "claims";

    @Override
    public boolean match(OAuth2HttpRequest request) {
        if (!"POST".equals(request.getMethod()) || !request.getUrl().encodedPath().endsWith("/authorize")) {
            return false;
        }
        String claims = request.getFormParameters().get(CLAIMS_FIELD);
        return claims != null && !claims.isBlank();
    }

    @Override
    public OAuth2HttpResponse invoke(OAuth2HttpRequest request) {
        String body = "<!DOCTYPE html><html lang=\"en\"><body><h1>Request rejected</h1>"
                + "<p>The demo identity provider attaches claims from its configuration only; "
                + "the claims field must be empty.</p></body></html>";
        return new OAuth2HttpResponse(
                Headers.of("Content-Type", "text/html; charset=utf-8"), 400, body, null);
    }
}
