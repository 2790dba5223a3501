package de.klammer.portal.governance.api;

import de.klammer.portal.governance.ProposalDetails;
import de.klammer.portal.governance.ProposalNotFoundException;
import de.klammer.portal.governance.ProposalService;
import de.klammer.portal.governance.ProposalSummary;
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
 * Returns what the proposal list and details screens show, from the same service methods and role checks. The
 * session of an OIDC sign-in authenticates the requests, as for the screens.
 */
@RestController
@RequestMapping("/api/v1/proposals")
class ProposalApi {

    private final ProposalService proposals;

    ProposalApi(ProposalService proposals) {
        this.proposals = proposals;
    }

    @GetMapping
    List<ProposalSummary> list() {
        return proposals.listProposals();
    }

    @GetMapping("/{id}")
    ProposalDetails details(@PathVariable UUID id) {
        return proposals.getProposal(id);
    }

    @ExceptionHandler
    ProblemDetail notFound(ProposalNotFoundException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }
}
