package de.klammer.portal.audit.api;

import de.klammer.portal.audit.AuditVerificationService;
import de.klammer.portal.audit.ChainVerification;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Verifies the audit trail's hash chain as the audit trail screen's button does, and records the verification in the
 * trail. Verification writes, so it is a POST and needs the session's CSRF token, which {@code GET
 * /api/v1/csrf-token} returns.
 */
@RestController
class AuditTrailApi {

    private final AuditVerificationService verification;

    AuditTrailApi(AuditVerificationService verification) {
        this.verification = verification;
    }

    /** The name of the request header that carries the CSRF token, and the token. */
    record CsrfTokenValue(String headerName, String token) {}

    @GetMapping("/api/v1/csrf-token")
    CsrfTokenValue csrfToken(CsrfToken token) {
        return new CsrfTokenValue(token.getHeaderName(), token.getToken());
    }

    @PostMapping("/api/v1/audit-trail/verifications")
    ChainVerification verify() {
        return verification.verify((verified, total) -> {});
    }
}
