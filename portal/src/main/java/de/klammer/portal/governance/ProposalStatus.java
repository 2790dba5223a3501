package de.klammer.portal.governance;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Life cycle of a proposal. {@code stale} goes back to {@code open} after a recompute; {@code applied},
 * {@code rejected}, {@code expired} and {@code failed} are final.
 */
public enum ProposalStatus {
    DRAFT,
    OPEN,
    APPROVED,
    SUBMITTED,
    APPLIED,
    REJECTED,
    EXPIRED,
    FAILED,
    STALE;

    /** Returns the value stored in the {@code proposal.status} column, for example {@code open}. */
    public String databaseValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Returns the status for a {@code proposal.status} column value. */
    public static ProposalStatus fromDatabaseValue(String value) {
        return Arrays.stream(values())
                .filter(status -> status.databaseValue().equals(value))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown proposal status: " + value));
    }

    /** Returns whether a proposal in this status may move to {@code next}. */
    public boolean canTransitionTo(ProposalStatus next) {
        return successors().contains(next);
    }

    private Set<ProposalStatus> successors() {
        return switch (this) {
            case DRAFT -> EnumSet.of(OPEN);
            // open -> open is a recompute that replaces the config update.
            case OPEN -> EnumSet.of(OPEN, APPROVED, STALE, REJECTED, EXPIRED);
            // approved -> applied happens when a crash hid the broadcast and the update is found on the channel.
            case APPROVED -> EnumSet.of(SUBMITTED, APPLIED, FAILED, STALE);
            case SUBMITTED -> EnumSet.of(APPLIED, FAILED, STALE);
            case STALE -> EnumSet.of(OPEN);
            case APPLIED, REJECTED, EXPIRED, FAILED -> EnumSet.noneOf(ProposalStatus.class);
        };
    }
}
