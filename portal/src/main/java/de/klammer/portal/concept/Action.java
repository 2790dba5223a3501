package de.klammer.portal.concept;

import java.util.Locale;

/** Operation that a right allows on a status type. */
public enum Action {
    READ,
    WRITE;

    /** Returns the lower-case code stored in the database, {@code read} or {@code write}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Returns the action with this code.
     *
     * @throws IllegalArgumentException when the code is neither {@code read} nor {@code write}
     */
    public static Action ofCode(String code) {
        for (Action action : values()) {
            if (action.code().equals(code.trim().toLowerCase(Locale.ROOT))) {
                return action;
            }
        }
        throw new IllegalArgumentException("Unknown action '" + code + "'; use read or write");
    }
}
