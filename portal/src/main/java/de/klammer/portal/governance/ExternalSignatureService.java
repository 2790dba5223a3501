package de.klammer.portal.governance;

import de.klammer.portal.audit.AuditEntry;
import de.klammer.portal.audit.AuditService;
import de.klammer.portal.governance.ProposalDecisions.AuditActor;
import de.klammer.portal.governance.internal.ImportedSignature;
import de.klammer.portal.governance.internal.ImportedSignatureRepository;
import de.klammer.portal.governance.internal.Proposal;
import de.klammer.portal.governance.internal.ProposalRepository;
import de.klammer.portal.governance.internal.ProposalSignatures;
import de.klammer.portal.ledger.AuthoritySignature;
import de.klammer.portal.ledger.LedgerGateway;
import de.klammer.portal.ledger.PreparedUpdate;
import de.klammer.portal.ledger.SignatureRejectedException;
import de.klammer.portal.ledger.VerifiedSignature;
import de.klammer.portal.security.CurrentUser;
import de.klammer.portal.security.PortalRole;
import de.klammer.portal.security.PortalUser;
import de.klammer.portal.security.PortalUser.AuthorityRef;
import de.klammer.portal.security.UserPseudonyms;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Exchanges a proposal's config update with Fabric's own tools. A board member or authority administrator exports
 * the update for their authority to sign with {@code peer channel signconfigtx}, and imports the signed envelope. An
 * imported signature counts like one the portal made, but only after it verified against the authority's MSP on the
 * live channel. Then the proposal is decided as after a signing vote, so it goes to the orderer once both the
 * decision rule and the ledger's signature requirement are met.
 */
@Service
@Transactional
public class ExternalSignatureService {

    /** Maximum size of an uploaded signed envelope; a policy update with a few signatures is a few kilobytes. */
    public static final int MAX_ENVELOPE_BYTES = 1024 * 1024;

    private static final Logger log = LoggerFactory.getLogger(ExternalSignatureService.class);

    private final ProposalRepository proposals;
    private final ImportedSignatureRepository importedSignatures;
    private final ProposalSignatures signatures;
    private final ProposalDecisions decisions;
    private final LedgerGateway ledger;
    private final AuditService audit;
    private final CurrentUser currentUser;

    ExternalSignatureService(
            ProposalRepository proposals,
            ImportedSignatureRepository importedSignatures,
            ProposalSignatures signatures,
            ProposalDecisions decisions,
            LedgerGateway ledger,
            AuditService audit,
            CurrentUser currentUser) {
        this.proposals = proposals;
        this.importedSignatures = importedSignatures;
        this.signatures = signatures;
        this.decisions = decisions;
        this.ledger = ledger;
        this.audit = audit;
        this.currentUser = currentUser;
    }

    /**
     * Returns the MSP ID that the signed-in user could sign for outside the portal: their authority's, while the
     * proposal is open, needs that authority's signature and does not have it yet. Empty otherwise.
     */
    @PreAuthorize("hasAnyRole('BOARD_MEMBER', 'AUTHORITY_ADMIN', 'DPO', 'AUDITOR')")
    @Transactional(readOnly = true)
    public Optional<String> openSigningSlot(UUID proposalId) {
        PortalUser user = currentUser.require();
        AuthorityRef authority = user.authority();
        if (authority == null
                || !(user.hasRole(PortalRole.BOARD_MEMBER) || user.hasRole(PortalRole.AUTHORITY_ADMIN))) {
            return Optional.empty();
        }
        Proposal proposal = proposals.findById(proposalId).orElseThrow(() -> new ProposalNotFoundException(proposalId));
        if (problemWithSlot(proposal, authority).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(authority.mspId());
    }

    /**
     * Exports the config update with the signatures so far as the protobuf envelope that
     * {@code peer channel signconfigtx -f} signs in place.
     *
     * @throws IllegalStateException when the proposal is not open, does not need the user's authority, or that
     *     authority has signed already
     * @throws ProposalNotFoundException when no proposal has the id
     */
    @PreAuthorize("hasAnyRole('BOARD_MEMBER', 'AUTHORITY_ADMIN')")
    public SigningExport exportEnvelope(UUID proposalId) {
        Slot slot = requireSlot(proposals.findById(proposalId)
                .orElseThrow(() -> new ProposalNotFoundException(proposalId)));
        byte[] envelope = envelopeOf(slot.proposal());
        audit(slot, "signature.exported", "config update sha256 " + slot.proposal().preparedUpdate().sha256()
                + " exported as protobuf for " + slot.authority().mspId());
        return new SigningExport(fileName(slot, ".pb"), envelope);
    }

    /**
     * Exports the same envelope as {@link #exportEnvelope}, rendered as configtxlator JSON for reading.
     *
     * @throws IllegalStateException as {@link #exportEnvelope} does, and when configtxlator is not configured or fails
     */
    @PreAuthorize("hasAnyRole('BOARD_MEMBER', 'AUTHORITY_ADMIN')")
    @Transactional(readOnly = true)
    public SigningExport exportJson(UUID proposalId) {
        Slot slot = requireSlot(proposals.findById(proposalId)
                .orElseThrow(() -> new ProposalNotFoundException(proposalId)));
        String json = ledger.renderAsJson(envelopeOf(slot.proposal()));
        return new SigningExport(fileName(slot, ".json"), json.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Imports an envelope signed with Fabric's tools for the signed-in user's authority. Signatures that the export
     * already carried are skipped. Every other signature must verify as an admin of the user's authority on the live
     * channel, over exactly this update. A rejection is audited and changes nothing else.
     *
     * @throws IllegalArgumentException when the envelope is empty or larger than {@value #MAX_ENVELOPE_BYTES} bytes
     * @throws IllegalStateException when the proposal is not open, does not need the user's authority, or that
     *     authority has signed already
     * @throws ProposalNotFoundException when no proposal has the id
     */
    @PreAuthorize("hasAnyRole('BOARD_MEMBER', 'AUTHORITY_ADMIN')")
    public SignatureImportResult importSignedEnvelope(UUID proposalId, byte[] signedEnvelope) {
        if (signedEnvelope.length == 0 || signedEnvelope.length > MAX_ENVELOPE_BYTES) {
            throw new IllegalArgumentException("The signed envelope has " + signedEnvelope.length + " bytes; upload"
                    + " the file that 'peer channel signconfigtx -f' wrote, which has 1 to " + MAX_ENVELOPE_BYTES
                    + " bytes");
        }
        Proposal proposal = proposals.findByIdForUpdate(proposalId)
                .orElseThrow(() -> new ProposalNotFoundException(proposalId));
        Slot slot = requireSlot(proposal);
        PreparedUpdate update = proposal.preparedUpdate();

        List<VerifiedSignature> verified;
        try {
            verified = ledger.importSignatures(update, signedEnvelope);
        } catch (SignatureRejectedException e) {
            return reject(slot, e.reasons());
        }
        List<VerifiedSignature> added = withoutStored(proposal, verified);
        List<String> problems = foreignSignatures(added, slot.authority().mspId());
        if (!problems.isEmpty()) {
            return reject(slot, problems);
        }
        if (added.isEmpty()) {
            return reject(slot, List.of("the envelope contains no new signature of " + slot.authority().mspId()
                    + "; sign the exported file with 'peer channel signconfigtx -f' as its admin"));
        }

        VerifiedSignature signature = added.getFirst();
        importedSignatures.save(new ImportedSignature(proposal.id(), slot.authority().id(), update.sha256(),
                signature.signature().configSignature(), signature.certificateSha256(), slot.actor().pseudonym()));
        audit(slot, "signature.imported", slot.authority().mspId() + " signed config update sha256 "
                + update.sha256() + " outside the portal; admin certificate sha256 " + signature.certificateSha256());
        log.atInfo()
                .addKeyValue("proposal", proposal.reference())
                .addKeyValue("msp", slot.authority().mspId())
                .log("Imported an external admin signature");
        ApprovalOutcome outcome = decisions.decide(proposal, slot.actor(), true, Instant.now());
        return new SignatureImportResult(true, List.of(), outcome);
    }

    private byte[] envelopeOf(Proposal proposal) {
        PreparedUpdate update = proposal.preparedUpdate();
        return ledger.exportForSigning(update, signatures.of(proposal.id(), update.sha256()));
    }

    private SignatureImportResult reject(Slot slot, List<String> reasons) {
        audit(slot, "signature.import-rejected", AuditService.withoutEmailAddresses(String.join("; ", reasons)));
        log.atInfo()
                .addKeyValue("proposal", slot.proposal().reference())
                .addKeyValue("msp", slot.authority().mspId())
                .log("Rejected an imported signature: {}", AuditService.withoutEmailAddresses(String.join("; ", reasons)));
        return SignatureImportResult.rejected(reasons);
    }

    /** Drops the signatures that the portal already stores, because the export carried them. */
    private List<VerifiedSignature> withoutStored(Proposal proposal, List<VerifiedSignature> verified) {
        List<AuthoritySignature> stored = signatures.of(proposal.id(), proposal.preparedUpdate().sha256());
        return verified.stream()
                .filter(candidate -> stored.stream().noneMatch(existing ->
                        Arrays.equals(existing.configSignature(), candidate.signature().configSignature())))
                .toList();
    }

    private static List<String> foreignSignatures(List<VerifiedSignature> added, String mspId) {
        List<String> problems = new ArrayList<>();
        for (VerifiedSignature signature : added) {
            String signer = signature.signature().mspId();
            if (!signer.equals(mspId)) {
                problems.add("a signature is by an admin of " + signer + " (certificate sha256 "
                        + signature.certificateSha256() + "), but this import is for " + mspId
                        + "; each authority imports only its own admin's signature");
            }
        }
        return problems;
    }

    private Slot requireSlot(Proposal proposal) {
        PortalUser user = currentUser.require();
        AuthorityRef authority = user.authority();
        if (authority == null) {
            throw new IllegalStateException("The signed-in user belongs to no configured authority");
        }
        Optional<String> problem = problemWithSlot(proposal, authority);
        if (problem.isPresent()) {
            throw new IllegalStateException(problem.get());
        }
        return new Slot(proposal, authority, new AuditActor(UserPseudonyms.of(user), authority.code()));
    }

    private Optional<String> problemWithSlot(Proposal proposal, AuthorityRef authority) {
        if (proposal.status() != ProposalStatus.OPEN) {
            return Optional.of("Proposal " + proposal.reference() + " takes signatures only while open, but its"
                    + " status is " + proposal.status().databaseValue());
        }
        if (proposal.isRuleChange()) {
            return Optional.of("Proposal " + proposal.reference() + " is a rule change without a config update");
        }
        if (!proposal.signingMspIds().contains(authority.mspId())) {
            return Optional.of("Proposal " + proposal.reference() + " needs signatures of "
                    + String.join(", ", proposal.signingMspIds()) + ", not of " + authority.mspId());
        }
        if (signatures.hasSigned(proposal.id(), authority.id())) {
            return Optional.of(authority.mspId() + " has already signed proposal " + proposal.reference());
        }
        return Optional.empty();
    }

    private static String fileName(Slot slot, String extension) {
        return slot.proposal().reference() + "-" + slot.authority().mspId() + extension;
    }

    private void audit(Slot slot, String action, String details) {
        audit.record(new AuditEntry(slot.actor().pseudonym(), slot.actor().authorityCode(), action, "proposal",
                slot.proposal().reference(), details));
    }

    /** The proposal, the signed-in user's authority that signs it, and the user as audit actor. */
    private record Slot(Proposal proposal, AuthorityRef authority, AuditActor actor) {}
}
