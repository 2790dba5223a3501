package de.klammer.portal.identity.internal;

import de.klammer.identity.SealedPersonRecord;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One sealed person record of the identity vault. */
@Entity
@Table(name = "person_vault")
public class PersonVaultEntry {

    @Id
    private String pseudonym;

    @Column(name = "authority_id", nullable = false)
    private UUID authorityId;

    @Column(name = "master_key_id", nullable = false)
    private String masterKeyId;

    @Column(name = "wrapped_key", nullable = false)
    private byte[] wrappedKey;

    @Column(nullable = false)
    private byte[] nonce;

    @Column(nullable = false)
    private byte[] ciphertext;

    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    private Instant createdAt;

    protected PersonVaultEntry() {}

    public PersonVaultEntry(UUID authorityId, SealedPersonRecord sealed) {
        this.pseudonym = sealed.pseudonym();
        this.authorityId = authorityId;
        this.masterKeyId = sealed.masterKeyId();
        this.wrappedKey = sealed.wrappedDataKey();
        this.nonce = sealed.nonce();
        this.ciphertext = sealed.ciphertext();
    }

    public String pseudonym() {
        return pseudonym;
    }

    public UUID authorityId() {
        return authorityId;
    }

    public SealedPersonRecord sealed() {
        return new SealedPersonRecord(pseudonym, masterKeyId, wrappedKey, nonce, ciphertext);
    }
}
