package de.klammer.portal.governance;

import java.util.UUID;

/** Thrown when no proposal has the requested id. */
public class ProposalNotFoundException extends RuntimeException {

    private final UUID proposalId;

    public ProposalNotFoundException(UUID proposalId) {
        super("Proposal " + proposalId + " not found");
        this.proposalId = proposalId;
    }

    public UUID proposalId() {
        return proposalId;
    }
}
