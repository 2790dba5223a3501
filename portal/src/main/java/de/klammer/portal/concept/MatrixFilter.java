package de.klammer.portal.concept;

import org.jspecify.annotations.Nullable;

/**
 * A filter of the rights matrix. Null or blank values do not filter.
 *
 * @param search text that the role's or status type's code or name contains, ignoring case
 * @param roleCode only rows of this role
 * @param subProcessCode only rows of status types of this sub-process
 * @param grantedOnly only rows with at least one granted action
 */
public record MatrixFilter(
        @Nullable String search, @Nullable String roleCode, @Nullable String subProcessCode, boolean grantedOnly) {

    /** A filter that keeps every row. */
    public static final MatrixFilter NONE = new MatrixFilter(null, null, null, false);
}
