package de.klammer.portal.governance.internal;

import de.klammer.portal.authority.Authority;
import de.klammer.portal.authority.AuthorityService;
import de.klammer.portal.ledger.AuthoritySignature;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Collects the authority signatures of a proposal's config update from both sources: the approvals that made an
 * authority sign in the portal, and the signatures imported from Fabric's own tools.
 */
@Component
public class ProposalSignatures {

    private final ApprovalRepository approvals;
    private final ImportedSignatureRepository imported;
    private final AuthorityService authorities;

    ProposalSignatures(
            ApprovalRepository approvals, ImportedSignatureRepository imported, AuthorityService authorities) {
        this.approvals = approvals;
        this.imported = imported;
        this.authorities = authorities;
    }

    /** Returns the signatures over the update with this SHA-256: portal-made ones first, then imported ones. */
    public List<AuthoritySignature> of(UUID proposalId, String configUpdateSha256) {
        List<AuthoritySignature> signatures = new ArrayList<>();
        for (Approval approval : approvals.findByProposalIdOrderByCreatedAtAsc(proposalId)) {
            byte[] signature = approval.configSignature();
            if (signature != null && approval.configUpdateSha256().equals(configUpdateSha256)) {
                signatures.add(new AuthoritySignature(mspIdOf(approval.authorityId()), signature));
            }
        }
        for (ImportedSignature signature : imported.findByProposalIdOrderByImportedAtAsc(proposalId)) {
            if (signature.configUpdateSha256().equals(configUpdateSha256)) {
                signatures.add(new AuthoritySignature(mspIdOf(signature.authorityId()), signature.configSignature()));
            }
        }
        return signatures;
    }

    /** Returns whether the authority has signed the proposal's current update, in the portal or by import. */
    public boolean hasSigned(UUID proposalId, UUID authorityId) {
        return approvals.existsSignatureOfAuthority(proposalId, authorityId)
                || imported.existsByProposalIdAndAuthorityId(proposalId, authorityId);
    }

    private String mspIdOf(UUID authorityId) {
        return authorities.findById(authorityId)
                .map(Authority::mspId)
                .orElseThrow(() -> new IllegalStateException("Signature refers to unknown authority " + authorityId));
    }
}
