package de.klammer.portal.audit;

import org.jspecify.annotations.Nullable;

/**
 * The first place where the audit trail's hash chain does not hold.
 *
 * @param sequence chain position of the first broken row; for a missing row, the position where it should be
 * @param rowId database id of the row found at that position, or null when the row is missing
 * @param kind what is wrong there
 * @param description English explanation that names the row and the expected and found values
 */
public record ChainBreak(long sequence, @Nullable Long rowId, Kind kind, String description) {

    /** Kind of damage at the broken row. */
    public enum Kind {
        /** The row with this sequence number is absent: deleted, or renumbered. */
        MISSING_ROW,
        /** A row carries a sequence number that comes before the expected one: a duplicate or forged row. */
        UNEXPECTED_ROW,
        /** The row's stored previous hash is not the hash of the row before it. */
        PREVIOUS_HASH_MISMATCH,
        /** The row's fields no longer give its stored hash: the row was altered or forged. */
        ROW_HASH_MISMATCH,
        /** The chain head table names a different last row than the trail ends with. */
        HEAD_MISMATCH
    }
}
