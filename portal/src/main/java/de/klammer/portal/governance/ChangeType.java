package de.klammer.portal.governance;

import java.util.Arrays;
import java.util.Locale;

/**
 * Kind of change a proposal makes. Each has its own decision rule. The four policy kinds are distinguished by where the
 * policy sits in the channel config, because that decides which mod_policy guards it.
 */
public enum ChangeType {
    /** A policy directly below {@code /Channel}, for example {@code /Channel/Writers}. */
    CHANNEL_POLICY,
    /** A policy directly below {@code /Channel/Application}, for example {@code /Channel/Application/Endorsement}. */
    APPLICATION_POLICY,
    /** A policy of one organisation, for example {@code /Channel/Application/BamfMSP/Endorsement}. */
    ORGANIZATION_POLICY,
    /** A policy anywhere below {@code /Channel/Orderer}. */
    ORDERER_POLICY,
    /** A change of a decision rule; it touches no ledger config and applies in the database when decided. */
    RULE_CHANGE,
    /** Adding a new authority's organisation to the channel's application group. */
    ONBOARDING,
    /** Removing an authority's organisation from the channel's application group. */
    OFFBOARDING;

    /** Returns the value stored in the database, for example {@code application-policy}. */
    public String databaseValue() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Returns the change type for a database value. */
    public static ChangeType fromDatabaseValue(String value) {
        return Arrays.stream(values())
                .filter(type -> type.databaseValue().equals(value))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown change type: " + value));
    }

    /**
     * Returns the change type of setting the policy at {@code policyPath}.
     *
     * @throws IllegalArgumentException when the path is not below {@code /Channel}
     */
    public static ChangeType ofPolicyPath(String policyPath) {
        return Arrays.stream(values())
                .filter(type -> type.covers(policyPath))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "Policy path " + policyPath + " is not below /Channel; use a path such as /Channel/Writers"));
    }

    /** Returns whether setting the policy at {@code policyPath} is a change of this type. */
    public boolean covers(String policyPath) {
        String[] segments = policyPath.split("/", -1);
        // segments[0] is empty, because a path starts with a slash.
        if (segments.length < 3 || !segments[0].isEmpty() || !segments[1].equals("Channel")) {
            return false;
        }
        return switch (this) {
            case CHANNEL_POLICY -> segments.length == 3;
            case APPLICATION_POLICY -> segments.length == 4 && segments[2].equals("Application");
            case ORGANIZATION_POLICY -> segments.length == 5 && segments[2].equals("Application");
            case ORDERER_POLICY -> segments.length >= 4 && segments[2].equals("Orderer");
            case RULE_CHANGE, ONBOARDING, OFFBOARDING -> false;
        };
    }
}
