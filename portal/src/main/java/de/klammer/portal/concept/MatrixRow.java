package de.klammer.portal.concept;

/**
 * One row of the rights matrix: a role and a status type with the state of both actions.
 *
 * @param read whether the role itself holds the read right
 * @param write whether the role itself holds the write right
 * @param inheritedRead whether a role that this role is composed of, directly or further down, has the read right
 * @param inheritedWrite whether a role that this role is composed of, directly or further down, has the write right
 */
public record MatrixRow(
        String roleCode,
        String roleName,
        String statusTypeCode,
        String statusTypeName,
        String subProcessCode,
        boolean read,
        boolean write,
        boolean inheritedRead,
        boolean inheritedWrite) {

    /** Returns whether the role holds the action on this status type. */
    public boolean holds(Action action) {
        return action == Action.READ ? read : write;
    }

    /** Returns whether the role has the action on this status type through a role it is composed of. */
    public boolean inherits(Action action) {
        return action == Action.READ ? inheritedRead : inheritedWrite;
    }
}
