package de.klammer.portal.identity;

/** Whether a ledger identity acts for a person, who has a vault entry, or for a technical system, which has none. */
public enum IdentityKind {
    PERSON,
    SYSTEM
}
