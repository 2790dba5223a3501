package de.klammer.portal.governance;

import java.util.Arrays;
import java.util.Locale;

/** A vote on a proposal. Board members vote yes, no or abstain; holders of a veto role of the rule may veto. */
public enum VoteChoice {
    YES,
    NO,
    ABSTAIN,
    VETO;

    /** Returns the value stored in the {@code vote.choice} column, for example {@code abstain}. */
    public String databaseValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Returns the choice for a {@code vote.choice} column value. */
    public static VoteChoice fromDatabaseValue(String value) {
        return Arrays.stream(values())
                .filter(choice -> choice.databaseValue().equals(value))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown vote choice: " + value));
    }

    /** Returns whether a vote of this choice must give a reason. */
    public boolean needsReason() {
        return this == NO || this == VETO;
    }
}
