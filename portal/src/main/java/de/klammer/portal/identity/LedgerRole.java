package de.klammer.portal.identity;

import java.util.Locale;

/**
 * Roles a ledger identity can carry in its certificate, written as the attribute {@code klammer.roles}. A fixed
 * list until the cross-authority role and rights concept exists.
 */
public enum LedgerRole {
    REGISTRATION_CLERK,
    DECISION_CLERK,
    ENFORCEMENT_CLERK;

    /** Returns the value in the certificate attribute and the database, for example {@code registration-clerk}. */
    public String attributeValue() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Parses an attribute value. */
    public static LedgerRole fromAttributeValue(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
