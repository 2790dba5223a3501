package de.klammer.identity;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The personal data Klammer keeps about a person who acts on the ledger, off the ledger and only encrypted (see
 * {@link IdentityVault}). The OpenID Connect issuer and subject identify the person at their authority's identity
 * provider; names and e-mail address are whatever the provider released.
 */
public record PersonRecord(
        @Nullable String givenName,
        @Nullable String familyName,
        @Nullable String email,
        String oidcIssuer,
        String oidcSubject) {

    public PersonRecord {
        Objects.requireNonNull(oidcIssuer, "oidcIssuer must not be null");
        Objects.requireNonNull(oidcSubject, "oidcSubject must not be null");
        if (oidcIssuer.isBlank() || oidcSubject.isBlank()) {
            throw new IllegalArgumentException("oidcIssuer and oidcSubject must not be blank");
        }
    }

    /** Leaves every value out, because all of them are personal data. */
    @Override
    public String toString() {
        return "PersonRecord[personal data not shown]";
    }
}
