package de.klammer.portal.onboarding;

import de.klammer.ledger.ImportedMsp;
import de.klammer.ledger.MspFinding;
import de.klammer.portal.onboarding.internal.OnboardingDraftEntity;
import de.klammer.portal.onboarding.internal.OnboardingDraftRepository;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Maps draft rows to read models, imports their stored MSP upload and describes a draft for its proposal. */
@Component
class OnboardingDrafts {

    private final OnboardingDraftRepository drafts;

    OnboardingDrafts(OnboardingDraftRepository drafts) {
        this.drafts = drafts;
    }

    OnboardingDraft toDraft(OnboardingDraftEntity entity) {
        String chainPem = entity.caChainPem();
        List<String> chainSubjects = chainPem == null
                ? List.of()
                : CaProbe.parseChain(chainPem).stream()
                        .map(certificate -> certificate.getSubjectX500Principal().getName())
                        .toList();
        return new OnboardingDraft(
                entity.id(),
                entity.status(),
                OnboardingStep.fromDatabaseValue(entity.step()),
                entity.name(),
                entity.authorityType(),
                entity.mspId(),
                entity.code(),
                entity.oidcIssuer(),
                entity.oidcClientId(),
                entity.oidcClientSecret() != null,
                entity.caUrl(),
                entity.caName(),
                entity.caTlsRootPem(),
                chainSubjects,
                entity.caRegistrarId(),
                entity.caRegistrarSecret() != null,
                entity.caAffiliation(),
                MspFormat.fromDatabaseValue(entity.mspFormat()),
                entity.mspFileName(),
                entity.mspOrganization(),
                entity.proposalId(),
                entity.createdBy(),
                entity.updatedAt());
    }

    /** Imports the stored upload again, with the import rules of this portal version. */
    ImportedMsp importMsp(OnboardingDraftEntity draft) {
        MspFormat format = MspFormat.fromDatabaseValue(draft.mspFormat());
        byte[] upload = draft.mspUpload();
        if (format == null || upload == null) {
            throw new OnboardingInputException("msp-upload", "The draft has no MSP definition yet; upload it in the"
                    + " MSP step.");
        }
        return MspUploads.read(format, Objects.requireNonNull(draft.mspFileName()), upload, draft.mspOrganization(),
                Objects.requireNonNull(draft.mspId()));
    }

    /** Returns the root CA fingerprints of every other open draft with an MSP upload, by MSP ID. */
    Map<String, List<String>> rootsOfOtherOpenDrafts(UUID draftId) {
        Map<String, List<String>> roots = new LinkedHashMap<>();
        for (OnboardingDraftEntity other : drafts.findByStatusInOrderByUpdatedAtDesc(List.of("draft", "submitted"))) {
            if (other.id().equals(draftId) || other.mspUpload() == null || other.mspId() == null) {
                continue;
            }
            try {
                roots.put(other.mspId(), OnboardingChecks.fingerprints(importMsp(other).rootCerts()));
            } catch (OnboardingInputException e) {
                // An upload that no longer imports has no roots to compare; its own validation reports it.
            }
        }
        return roots;
    }

    /** Describes the new organisation for the proposal page, one plain line each. */
    List<String> describe(OnboardingDraftEntity draft, ImportedMsp msp, List<MspFinding> findings) {
        List<String> lines = new ArrayList<>();
        lines.add("Authority: " + draft.name() + " (code " + draft.code() + ", type " + draft.authorityType() + ")");
        lines.add("MSP ID: " + msp.mspId());
        for (ImportedMsp.MspFile root : msp.rootCerts()) {
            lines.add("Root CA " + root.name() + ": " + subject(root.pem()) + ", SHA-256 "
                    + OnboardingChecks.fingerprint(root.pem()).orElse("unreadable"));
        }
        lines.add("Intermediate CAs: " + msp.intermediateCerts().size() + ", TLS root CAs: "
                + msp.tlsRootCerts().size() + ", listed admins: " + msp.admins().size());
        lines.add(msp.nodeOus() != null && msp.nodeOus().enable()
                ? "NodeOUs enabled: admins, clients, peers and orderers are told apart by the OU of their certificate"
                : "NodeOUs disabled: only the listed admin certificates are admins");
        lines.add("Fabric CA: " + draft.caName() + " at " + draft.caUrl() + ", registrar " + draft.caRegistrarId()
                + (draft.caAffiliation() == null || draft.caAffiliation().isEmpty()
                        ? ""
                        : ", affiliation " + draft.caAffiliation()));
        lines.add("Identity provider: " + draft.oidcIssuer() + ", client " + draft.oidcClientId());
        findings.stream()
                .filter(finding -> finding.severity() == MspFinding.Severity.WARNING)
                .forEach(finding -> lines.add("Warning accepted: " + finding.describe()));
        return lines;
    }

    private static String subject(String pem) {
        try {
            X509Certificate certificate = CaProbe.parseChain(pem).getFirst();
            return certificate.getSubjectX500Principal().getName();
        } catch (RuntimeException e) {
            return "unreadable certificate";
        }
    }
}
