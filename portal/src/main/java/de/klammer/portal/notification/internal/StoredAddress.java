package de.klammer.portal.notification.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Row of the {@code notification_address} table: a board member's encrypted e-mail address and language. */
@Entity
@Table(name = "notification_address")
public class StoredAddress {

    @Id
    @Column(name = "board_member_id")
    private UUID boardMemberId = new UUID(0, 0);

    @Column(name = "address_ciphertext", nullable = false)
    private byte[] addressCiphertext = new byte[0];

    @Column(name = "master_key_id", nullable = false)
    private String masterKeyId = "";

    @Column(nullable = false)
    private String language = "";

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt = Instant.EPOCH;

    protected StoredAddress() {}

    public StoredAddress(UUID boardMemberId, byte[] addressCiphertext, String masterKeyId, String language) {
        this.boardMemberId = boardMemberId;
        replace(addressCiphertext, masterKeyId, language);
    }

    /** Replaces address and language. */
    public void replace(byte[] addressCiphertext, String masterKeyId, String language) {
        this.addressCiphertext = addressCiphertext.clone();
        this.masterKeyId = masterKeyId;
        this.language = language;
        this.updatedAt = Instant.now();
    }

    public UUID boardMemberId() {
        return boardMemberId;
    }

    public byte[] addressCiphertext() {
        return addressCiphertext.clone();
    }

    public String masterKeyId() {
        return masterKeyId;
    }

    public String language() {
        return language;
    }
}
