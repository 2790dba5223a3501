package de.klammer.portal.identity.api;

import de.klammer.portal.identity.LedgerIdentityDetails;
import de.klammer.portal.identity.LedgerIdentityNotFoundException;
import de.klammer.portal.identity.LedgerIdentityService;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Returns what the ledger identity list and details screens show, from the same service methods and role checks.
 * Like the list screen, the list contains every identity of the user's authority (a clerk's own requests only).
 */
@RestController
@RequestMapping("/api/v1/identities")
class LedgerIdentityApi {

    private final LedgerIdentityService identities;

    LedgerIdentityApi(LedgerIdentityService identities) {
        this.identities = identities;
    }

    @GetMapping
    List<LedgerIdentityDetails> list() {
        return identities.list();
    }

    @GetMapping("/{id}")
    LedgerIdentityDetails details(@PathVariable UUID id) {
        return identities.details(id);
    }

    @ExceptionHandler
    ProblemDetail notFound(LedgerIdentityNotFoundException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }
}
