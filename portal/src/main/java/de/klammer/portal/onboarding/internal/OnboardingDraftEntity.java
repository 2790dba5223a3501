package de.klammer.portal.onboarding.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Row of the {@code onboarding_draft} table. Fields stay null until their step is saved. The service validates every
 * value before it sets it here.
 */
@Entity
@Table(name = "onboarding_draft")
public class OnboardingDraftEntity {

    @Id
    private UUID id = new UUID(0, 0);

    @Column(nullable = false)
    private String status = "draft";

    @Column(nullable = false)
    private String step = "identity";

    private @Nullable String name;

    @Column(name = "authority_type")
    private @Nullable String authorityType;

    @Column(name = "msp_id")
    private @Nullable String mspId;

    private @Nullable String code;

    @Column(name = "oidc_issuer")
    private @Nullable String oidcIssuer;

    @Column(name = "oidc_client_id")
    private @Nullable String oidcClientId;

    @Column(name = "oidc_client_secret")
    private byte @Nullable [] oidcClientSecret;

    @Column(name = "ca_url")
    private @Nullable String caUrl;

    @Column(name = "ca_name")
    private @Nullable String caName;

    @Column(name = "ca_tls_root_pem")
    private @Nullable String caTlsRootPem;

    @Column(name = "ca_chain_pem")
    private @Nullable String caChainPem;

    @Column(name = "ca_registrar_id")
    private @Nullable String caRegistrarId;

    @Column(name = "ca_registrar_secret")
    private byte @Nullable [] caRegistrarSecret;

    @Column(name = "ca_affiliation")
    private @Nullable String caAffiliation;

    @Column(name = "msp_format")
    private @Nullable String mspFormat;

    @Column(name = "msp_file_name")
    private @Nullable String mspFileName;

    @Column(name = "msp_organization")
    private @Nullable String mspOrganization;

    @Column(name = "msp_upload")
    private byte @Nullable [] mspUpload;

    @Column(name = "proposal_id")
    private @Nullable UUID proposalId;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy = "";

    @Column(name = "created_by_authority", updatable = false)
    private @Nullable String createdByAuthority;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt = Instant.EPOCH;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt = Instant.EPOCH;

    @Version
    private long version;

    protected OnboardingDraftEntity() {}

    public OnboardingDraftEntity(String createdBy, @Nullable String createdByAuthority) {
        this.id = UUID.randomUUID();
        this.createdBy = createdBy;
        this.createdByAuthority = createdByAuthority;
        this.createdAt = Instant.now();
        this.updatedAt = createdAt;
    }

    public void setIdentity(String name, String authorityType, String mspId, String code) {
        this.name = name;
        this.authorityType = authorityType;
        this.mspId = mspId;
        this.code = code;
        touch();
    }

    public void setIdentityProvider(String issuer, String clientId, byte[] sealedClientSecret) {
        this.oidcIssuer = issuer;
        this.oidcClientId = clientId;
        this.oidcClientSecret = sealedClientSecret.clone();
        touch();
    }

    public void setCertificateAuthority(
            String url,
            String caName,
            String tlsRootPem,
            String chainPem,
            String registrarId,
            byte[] sealedRegistrarSecret,
            String affiliation) {
        this.caUrl = url;
        this.caName = caName;
        this.caTlsRootPem = tlsRootPem;
        this.caChainPem = chainPem;
        this.caRegistrarId = registrarId;
        this.caRegistrarSecret = sealedRegistrarSecret.clone();
        this.caAffiliation = affiliation;
        touch();
    }

    /** Replaces both sealed secrets, for example after the code they are bound to changed; null clears one. */
    public void resealSecrets(byte @Nullable [] oidcClientSecret, byte @Nullable [] caRegistrarSecret) {
        this.oidcClientSecret = oidcClientSecret;
        this.caRegistrarSecret = caRegistrarSecret;
    }

    public void setMspUpload(String format, String fileName, @Nullable String organization, byte[] upload) {
        this.mspFormat = format;
        this.mspFileName = fileName;
        this.mspOrganization = organization;
        this.mspUpload = upload.clone();
        touch();
    }

    public void advanceTo(String nextStep) {
        this.step = nextStep;
        touch();
    }

    public void markSubmitted(UUID proposal) {
        this.status = "submitted";
        this.proposalId = proposal;
        touch();
    }

    public void markCompleted() {
        this.status = "completed";
        touch();
    }

    /** Opens a submitted draft again, for example after the board rejected its proposal. */
    public void reopen() {
        this.status = "draft";
        this.proposalId = null;
        touch();
    }

    public void markDiscarded() {
        this.status = "discarded";
        touch();
    }

    private void touch() {
        this.updatedAt = Instant.now();
    }

    public UUID id() {
        return id;
    }

    public String status() {
        return status;
    }

    public String step() {
        return step;
    }

    public @Nullable String name() {
        return name;
    }

    public @Nullable String authorityType() {
        return authorityType;
    }

    public @Nullable String mspId() {
        return mspId;
    }

    public @Nullable String code() {
        return code;
    }

    public @Nullable String oidcIssuer() {
        return oidcIssuer;
    }

    public @Nullable String oidcClientId() {
        return oidcClientId;
    }

    public byte @Nullable [] oidcClientSecret() {
        return oidcClientSecret == null ? null : oidcClientSecret.clone();
    }

    public @Nullable String caUrl() {
        return caUrl;
    }

    public @Nullable String caName() {
        return caName;
    }

    public @Nullable String caTlsRootPem() {
        return caTlsRootPem;
    }

    public @Nullable String caChainPem() {
        return caChainPem;
    }

    public @Nullable String caRegistrarId() {
        return caRegistrarId;
    }

    public byte @Nullable [] caRegistrarSecret() {
        return caRegistrarSecret == null ? null : caRegistrarSecret.clone();
    }

    public @Nullable String caAffiliation() {
        return caAffiliation;
    }

    public @Nullable String mspFormat() {
        return mspFormat;
    }

    public @Nullable String mspFileName() {
        return mspFileName;
    }

    public @Nullable String mspOrganization() {
        return mspOrganization;
    }

    public byte @Nullable [] mspUpload() {
        return mspUpload == null ? null : mspUpload.clone();
    }

    public @Nullable UUID proposalId() {
        return proposalId;
    }

    public String createdBy() {
        return createdBy;
    }

    public @Nullable String createdByAuthority() {
        return createdByAuthority;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
