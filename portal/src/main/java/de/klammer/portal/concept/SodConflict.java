package de.klammer.portal.concept;

import org.jspecify.annotations.Nullable;

/**
 * A separation-of-duties rule that a requested role assignment would break.
 *
 * @param requestedRole the role the requester wants to assign
 * @param heldRole the role the identity already holds in the overlapping period, possibly for another authority
 * @param heldAuthorityCode the authority for which the identity holds {@code heldRole}
 * @param firstRole first role of the rule
 * @param secondRole second role of the rule
 * @param subProcessCode the sub-process the rule is limited to, or null
 * @param reason the rule's reason
 */
public record SodConflict(
        String requestedRole,
        String heldRole,
        String heldAuthorityCode,
        String firstRole,
        String secondRole,
        @Nullable String subProcessCode,
        String reason) {

    /** Returns the conflict in plain English, naming both roles and the rule. */
    public String describe() {
        String scope = subProcessCode == null ? "" : " in sub-process " + subProcessCode;
        return "Role " + requestedRole + " conflicts with role " + heldRole + " (held for " + heldAuthorityCode
                + "): separation of duties between " + firstRole + " and " + secondRole + scope + ". " + reason;
    }
}
