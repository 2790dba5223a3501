package de.klammer.portal.identity;

import de.klammer.identity.IdentityVault;
import de.klammer.identity.MasterKey;
import de.klammer.identity.PersonRecord;
import de.klammer.portal.audit.AuditEntry;
import de.klammer.portal.audit.AuditService;
import de.klammer.portal.identity.internal.LedgerIdentity;
import de.klammer.portal.identity.internal.LedgerIdentityRepository;
import de.klammer.portal.identity.internal.PersonVaultEntry;
import de.klammer.portal.identity.internal.PersonVaultRepository;
import de.klammer.portal.security.CurrentUser;
import de.klammer.portal.security.PortalUser;
import de.klammer.portal.security.UserPseudonyms;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the link between a pseudonym and a person (name, e-mail, OIDC issuer and subject), sealed per person with
 * its own data key wrapped by the master key. Only a data protection officer, or an administrator of the person's own
 * authority, may resolve a pseudonym, always stating a purpose, and every lookup is audited.
 */
@Service
@Transactional
public class IdentityVaultService {

    private final PersonVaultRepository entries;
    private final LedgerIdentityRepository identities;
    private final AuditService audit;
    private final CurrentUser currentUser;
    private final @Nullable IdentityVault vault;

    IdentityVaultService(
            PersonVaultRepository entries,
            LedgerIdentityRepository identities,
            AuditService audit,
            CurrentUser currentUser,
            IdentityProperties properties) {
        this.entries = entries;
        this.identities = identities;
        this.audit = audit;
        this.currentUser = currentUser;
        this.vault = properties.masterKey() == null || properties.masterKey().isBlank()
                ? null
                : new IdentityVault(MasterKey.fromBase64(properties.masterKeyId(), properties.masterKey()));
    }

    /** Seals and stores the person behind a pseudonym of an authority; replaces an earlier record. */
    public void store(String pseudonym, UUID authorityId, PersonRecord person) {
        entries.save(new PersonVaultEntry(authorityId, vault().seal(pseudonym, person)));
    }

    /**
     * Replaces the record of a person of the signed-in user's authority with corrected data (GDPR Art. 16).
     *
     * @throws IllegalArgumentException when the vault has no record for the pseudonym
     * @throws AccessDeniedException when the person belongs to another authority
     */
    @PreAuthorize("hasAnyRole('DPO', 'AUTHORITY_ADMIN')")
    public void replace(String pseudonym, PersonRecord corrected) {
        PersonVaultEntry entry = entries.findById(pseudonym)
                .orElseThrow(() -> new IllegalArgumentException("No vault record found for pseudonym " + pseudonym
                        + "; only a person with a vault record can have it corrected"));
        requireOwnAuthority(entry, currentUser.require());
        store(pseudonym, entry.authorityId(), corrected);
    }

    /** Returns whether the vault contains a record for the pseudonym. */
    @Transactional(readOnly = true)
    public boolean contains(String pseudonym) {
        return entries.existsById(pseudonym);
    }

    /**
     * Resolves a pseudonym to the person, for a stated purpose, and audits the lookup. Each authority controls its
     * own persons' data, so a DPO resolves only persons of their own authority, like an administrator.
     *
     * @throws AccessDeniedException when the user is neither a DPO nor an administrator of the person's authority
     * @throws IllegalArgumentException when the purpose is blank or the pseudonym is unknown
     */
    @PreAuthorize("hasAnyRole('DPO', 'AUTHORITY_ADMIN')")
    public PersonRecord resolve(String pseudonym, String purpose) {
        if (purpose == null || purpose.isBlank()) {
            throw new IllegalArgumentException("State the purpose of resolving pseudonym " + pseudonym);
        }
        PersonVaultEntry entry = entries.findById(pseudonym)
                .orElseThrow(() -> new IllegalArgumentException("No vault record found for pseudonym " + pseudonym));
        PortalUser user = currentUser.require();
        requireOwnAuthority(entry, user);
        audit.record(new AuditEntry(actor(user), authorityCode(user), "vault.resolved", "pseudonym", pseudonym,
                "purpose: " + purpose.strip()));
        return vault().unseal(entry.sealed());
    }

    /**
     * Resolves a pseudonym for a check the portal runs itself, such as the personal-data check before the CA issues
     * a certificate, and audits it. The person is not shown to the signed-in user, so no role is required.
     *
     * @throws IllegalArgumentException when the pseudonym is unknown
     */
    PersonRecord resolveForCheck(String pseudonym, String purpose) {
        PersonVaultEntry entry = entries.findById(pseudonym)
                .orElseThrow(() -> new IllegalArgumentException("No vault record found for pseudonym " + pseudonym));
        PortalUser user = currentUser.find().orElse(null);
        audit.record(new AuditEntry(user == null ? "system" : actor(user), user == null ? null : authorityCode(user),
                "vault.checked", "pseudonym", pseudonym, "purpose: " + purpose));
        return vault().unseal(entry.sealed());
    }

    /**
     * Destroys the person's record and data key for good (erasure), and clears the holder of the identity. Returns
     * whether there was a record.
     */
    public boolean destroy(String pseudonym, String reason) {
        identities.findByEnrollmentId(pseudonym).ifPresent(LedgerIdentity::clearHolder);
        if (!entries.existsById(pseudonym)) {
            return false;
        }
        entries.deleteById(pseudonym);
        PortalUser user = currentUser.find().orElse(null);
        audit.record(new AuditEntry(user == null ? "system" : actor(user), user == null ? null : authorityCode(user),
                "vault.destroyed", "pseudonym", pseudonym, reason));
        return true;
    }

    private static void requireOwnAuthority(PersonVaultEntry entry, PortalUser user) {
        if (user.authority() == null || !user.authority().id().equals(entry.authorityId())) {
            throw new AccessDeniedException("Pseudonym " + entry.pseudonym() + " belongs to another authority; only"
                    + " a DPO or an administrator of that authority may resolve or correct it");
        }
    }

    private IdentityVault vault() {
        if (vault == null) {
            throw new IllegalStateException("No vault master key configured: set klammer.identity.master-key to a"
                    + " base64 AES-256 key");
        }
        return vault;
    }

    private static String actor(PortalUser user) {
        return UserPseudonyms.of(user);
    }

    private static @Nullable String authorityCode(PortalUser user) {
        return user.authority() == null ? null : user.authority().code();
    }
}
