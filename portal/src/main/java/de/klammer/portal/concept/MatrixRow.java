package de.klammer.portal.concept;

/**
 * One row of the rights matrix: a role and a status type with the state of both actions.
 *
 * @param read whether the role itself holds the read right
 * @param write whether the role itself holds the write right
 */
public record MatrixRow(
        String roleCode,
        String roleName,
        String statusTypeCode,
        String statusTypeName,
        String subProcessCode,
        boolean read,
        boolean write) {

    /** Returns whether the role holds the action on this status type. */
    public boolean holds(Action action) {
        return action == Action.READ ? read : write;
    }
}
