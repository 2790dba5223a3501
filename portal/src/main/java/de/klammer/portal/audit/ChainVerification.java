package de.klammer.portal.audit;

import org.jspecify.annotations.Nullable;

/**
 * Result of checking the audit trail's hash chain.
 *
 * @param verifiedRows rows whose sequence, previous hash and own hash were found intact
 * @param headSequence last sequence number that the chain head records
 * @param headHash hash of the last row that the chain head records; compare it with a copy kept outside the database
 * @param firstBreak the first broken row, or null when the chain is intact
 */
public record ChainVerification(
        long verifiedRows, long headSequence, String headHash, @Nullable ChainBreak firstBreak) {

    /** Returns whether the whole chain is intact up to its head. */
    public boolean intact() {
        return firstBreak == null;
    }
}
