package de.klammer.ledger;

import java.util.List;

/**
 * One policy an update must satisfy because it modifies an element guarded by it.
 *
 * @param element the modified element in the orderer's notation, for example {@code [Policy] /Channel/Application/Endorsement}
 * @param policyPath absolute path of the element's mod_policy
 * @param policyText the mod_policy in plain text, with the threshold spelled out
 * @param signingMspIds MSP IDs whose admins can contribute to satisfying it
 */
public record RequiredSignature(String element, String policyPath, String policyText, List<String> signingMspIds) {

    /** Returns the requirement in one plain line. */
    public String describe() {
        return element + " needs " + policyPath + " (" + policyText + ")";
    }
}
