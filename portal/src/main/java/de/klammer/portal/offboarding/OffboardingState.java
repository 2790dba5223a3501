package de.klammer.portal.offboarding;

import java.util.Locale;

/** State of one offboarding, stored in {@code authority_offboarding.state}. */
public enum OffboardingState {
    /** The removal is proposed and under vote. */
    PROPOSED,
    /** The proposal was rejected, expired or failed; the authority stays active. */
    ABANDONED,
    /** The removal is applied and the authority archived; its identities are being revoked. */
    REVOKING,
    /** Revoking the identities failed, for example because the CA was unreachable; a retry continues. */
    REVOCATION_FAILED,
    /** The removal is applied, the authority archived and its identities ended. */
    COMPLETED;

    /** Returns the column value, for example {@code revocation-failed}. */
    public String databaseValue() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Parses a column value. */
    public static OffboardingState fromDatabaseValue(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    /** Returns whether a retry of the revocation makes sense in this state. */
    public boolean revocationOutstanding() {
        return this == REVOKING || this == REVOCATION_FAILED;
    }
}
