package de.klammer.portal.governance;

import de.klammer.ledger.ImportedMsp;
import java.util.Optional;
import java.util.UUID;

/**
 * Source of the MSP definition behind a proposal that adds an organisation. Recomputing such a stale proposal needs
 * the definition again, but governance stores only the config update. The onboarding feature keeps the definition
 * with its draft.
 */
public interface OrganizationDefinitions {

    /** Returns the MSP definition that the organisation-addition proposal was computed from, if it is still kept. */
    Optional<ImportedMsp> forProposal(UUID proposalId);
}
