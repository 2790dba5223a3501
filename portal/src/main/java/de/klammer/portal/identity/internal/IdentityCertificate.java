package de.klammer.portal.identity.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An enrolment certificate of a ledger identity, found at the CA by serial and AuthorityKeyIdentifier. */
@Entity
@Table(name = "identity_certificate")
public class IdentityCertificate {

    /** Status values of the {@code status} column. */
    public static final String ACTIVE = "active";

    public static final String REVOKED = "revoked";
    public static final String SUPERSEDED = "superseded";

    @EmbeddedId
    private Key key;

    @Column(name = "ledger_identity_id", nullable = false)
    private UUID ledgerIdentityId;

    @Column(name = "enrollment_id", nullable = false)
    private String enrollmentId;

    @Column(name = "not_before", nullable = false)
    private Instant notBefore;

    @Column(name = "not_after", nullable = false)
    private Instant notAfter;

    @Column(nullable = false)
    private String pem;

    @Column(nullable = false)
    private String status;

    @Column(name = "revoked_at")
    private @Nullable Instant revokedAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected IdentityCertificate() {}

    public IdentityCertificate(
            String serialHex,
            String akiHex,
            UUID ledgerIdentityId,
            String enrollmentId,
            Instant notBefore,
            Instant notAfter,
            String pem) {
        this.key = new Key(serialHex, akiHex);
        this.ledgerIdentityId = ledgerIdentityId;
        this.enrollmentId = enrollmentId;
        this.notBefore = notBefore;
        this.notAfter = notAfter;
        this.pem = pem;
        this.status = ACTIVE;
        this.createdAt = Instant.now();
    }

    public String serialHex() {
        return key.serialHex;
    }

    public String akiHex() {
        return key.akiHex;
    }

    public UUID ledgerIdentityId() {
        return ledgerIdentityId;
    }

    public String enrollmentId() {
        return enrollmentId;
    }

    public Instant notBefore() {
        return notBefore;
    }

    public Instant notAfter() {
        return notAfter;
    }

    public String pem() {
        return pem;
    }

    public String status() {
        return status;
    }

    public @Nullable Instant revokedAt() {
        return revokedAt;
    }

    /** Marks the certificate as replaced by a renewal; revoking it is a separate step. */
    public void supersede() {
        if (ACTIVE.equals(status)) {
            status = SUPERSEDED;
        }
    }

    /** Marks the certificate as revoked at the CA. */
    public void revoke(Instant at) {
        if (!REVOKED.equals(status)) {
            status = REVOKED;
            revokedAt = at;
        }
    }

    /** Serial number and AuthorityKeyIdentifier, both lower-case hex. */
    @Embeddable
    public static class Key implements Serializable {

        @Column(name = "serial_hex", nullable = false)
        private String serialHex;

        @Column(name = "aki_hex", nullable = false)
        private String akiHex;

        protected Key() {}

        Key(String serialHex, String akiHex) {
            this.serialHex = serialHex;
            this.akiHex = akiHex;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.serialHex.equals(serialHex) && key.akiHex.equals(akiHex);
        }

        @Override
        public int hashCode() {
            return serialHex.hashCode() * 31 + akiHex.hashCode();
        }
    }
}
