package de.klammer.portal.ledger;

import java.util.List;

/**
 * Result of evaluating signatures against the live mod_policies.
 *
 * @param satisfied whether every mod_policy the update touches is satisfied
 * @param missing what is still missing, one plain line per unsatisfied requirement
 * @param countedMspIds authorities whose signatures counted
 */
public record SignatureCheck(boolean satisfied, List<String> missing, List<String> countedMspIds) {

    public SignatureCheck {
        missing = List.copyOf(missing);
        countedMspIds = List.copyOf(countedMspIds);
    }
}
