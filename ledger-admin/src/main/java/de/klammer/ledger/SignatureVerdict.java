package de.klammer.ledger;

import java.util.List;

/**
 * The result of evaluating signatures against the policies an update needs.
 *
 * @param satisfied whether every required policy is satisfied
 * @param missing plain lines for each policy not yet satisfied
 * @param countedMspIds MSP IDs of the distinct valid signers
 * @param ignored plain lines for signatures that do not count, with the reason
 */
public record SignatureVerdict(boolean satisfied, List<String> missing, List<String> countedMspIds, List<String> ignored) {}
