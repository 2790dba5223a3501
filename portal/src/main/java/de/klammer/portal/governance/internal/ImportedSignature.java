package de.klammer.portal.governance.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * An authority's admin signature on a config update that was made outside Klammer and imported after it verified
 * against the authority's MSP on the live channel. It counts like the signature on an {@link Approval}.
 */
@Entity
@Table(name = "imported_signature")
public class ImportedSignature {

    @Id
    private UUID id = new UUID(0, 0);

    @Column(name = "proposal_id", nullable = false, updatable = false)
    private UUID proposalId = new UUID(0, 0);

    @Column(name = "authority_id", nullable = false, updatable = false)
    private UUID authorityId = new UUID(0, 0);

    @Column(name = "config_update_sha256", nullable = false, updatable = false)
    private String configUpdateSha256 = "";

    @Column(name = "config_signature", nullable = false, updatable = false)
    private byte[] configSignature = new byte[0];

    @Column(name = "signer_certificate_sha256", nullable = false, updatable = false)
    private String signerCertificateSha256 = "";

    @Column(name = "imported_by", nullable = false, updatable = false)
    private String importedBy = "";

    @Column(name = "imported_at", nullable = false, updatable = false)
    private Instant importedAt = Instant.EPOCH;

    protected ImportedSignature() {}

    /**
     * Creates the record of one verified signature.
     *
     * @param signerCertificateSha256 lower-case hex SHA-256 of the signing admin certificate (DER)
     * @param importedBy pseudonym of the portal user who imported it
     */
    public ImportedSignature(
            UUID proposalId,
            UUID authorityId,
            String configUpdateSha256,
            byte[] configSignature,
            String signerCertificateSha256,
            String importedBy) {
        this.id = UUID.randomUUID();
        this.proposalId = proposalId;
        this.authorityId = authorityId;
        this.configUpdateSha256 = configUpdateSha256;
        this.configSignature = configSignature.clone();
        this.signerCertificateSha256 = signerCertificateSha256;
        this.importedBy = importedBy;
        this.importedAt = Instant.now();
    }

    public UUID id() {
        return id;
    }

    public UUID proposalId() {
        return proposalId;
    }

    public UUID authorityId() {
        return authorityId;
    }

    public String configUpdateSha256() {
        return configUpdateSha256;
    }

    public byte[] configSignature() {
        return configSignature.clone();
    }

    public String signerCertificateSha256() {
        return signerCertificateSha256;
    }

    public String importedBy() {
        return importedBy;
    }

    public Instant importedAt() {
        return importedAt;
    }
}
