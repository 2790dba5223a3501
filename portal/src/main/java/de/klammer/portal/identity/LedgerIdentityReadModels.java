package de.klammer.portal.identity;

import de.klammer.portal.authority.Authority;
import de.klammer.portal.authority.AuthorityService;
import de.klammer.portal.identity.internal.IdentityCertificate;
import de.klammer.portal.identity.internal.IdentityCertificateRepository;
import de.klammer.portal.identity.internal.LedgerIdentity;
import de.klammer.portal.identity.internal.LedgerIdentityRepository;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Builds the read models of ledger identities and their certificates; runs inside the caller's transaction. */
@Component
class LedgerIdentityReadModels {

    /** Enrolment ids per certificate query; well below PostgreSQL's limit of bind parameters in one statement. */
    private static final int CERTIFICATE_BATCH = 1000;

    private final LedgerIdentityRepository identities;
    private final IdentityCertificateRepository certificates;
    private final AuthorityService authorities;
    private final CertificateExpiryProperties expiry;
    private final Clock clock = Clock.systemUTC();

    LedgerIdentityReadModels(
            LedgerIdentityRepository identities,
            IdentityCertificateRepository certificates,
            AuthorityService authorities,
            CertificateExpiryProperties expiry) {
        this.identities = identities;
        this.certificates = certificates;
        this.authorities = authorities;
        this.expiry = expiry;
    }

    LedgerIdentityDetails details(LedgerIdentity identity) {
        return details(identity, mspId(identity.authorityId()),
                certificates.findByEnrollmentIdOrderByNotAfterDescCreatedAtDescKeySerialHexAsc(
                        identity.enrollmentId()));
    }

    /**
     * Returns the details of many identities with one certificate query per batch of enrolment ids, so a list of
     * thousands of identities does not query once per identity.
     */
    List<LedgerIdentityDetails> details(List<LedgerIdentity> identities) {
        Map<String, List<IdentityCertificate>> byEnrollmentId = new HashMap<>();
        for (int start = 0; start < identities.size(); start += CERTIFICATE_BATCH) {
            int end = Math.min(start + CERTIFICATE_BATCH, identities.size());
            List<String> enrollmentIds = identities.subList(start, end).stream()
                    .map(LedgerIdentity::enrollmentId)
                    .toList();
            certificates
                    .findByEnrollmentIdInOrderByNotAfterDescCreatedAtDescKeySerialHexAsc(enrollmentIds)
                    .forEach(certificate -> byEnrollmentId
                            .computeIfAbsent(certificate.enrollmentId(), id -> new ArrayList<>())
                            .add(certificate));
        }
        Map<UUID, String> mspIds = new HashMap<>();
        return identities.stream()
                .map(identity -> details(
                        identity,
                        mspIds.computeIfAbsent(identity.authorityId(), this::mspId),
                        byEnrollmentId.getOrDefault(identity.enrollmentId(), List.of())))
                .toList();
    }

    private LedgerIdentityDetails details(
            LedgerIdentity identity, String mspId, List<IdentityCertificate> certificatesNewestFirst) {
        List<CertificateSummary> issued = certificatesNewestFirst.stream()
                .map(certificate -> summary(mspId, certificate))
                .toList();
        return new LedgerIdentityDetails(
                identity.id(),
                mspId,
                identity.enrollmentId(),
                identity.kind(),
                identity.roles(),
                identity.conceptRole(),
                identity.validUntil(),
                identity.keySource(),
                identity.csrPem() != null,
                identity.status(),
                identity.requester(),
                identity.approver(),
                identity.failureCode(),
                identity.failureReason(),
                identity.createdAt(),
                identity.updatedAt(),
                issued);
    }

    /** Returns the active certificates of the authority's identities, soonest expiry first. */
    List<CertificateSummary> activeCertificates(UUID authorityId) {
        String mspId = mspId(authorityId);
        Set<String> own = identities.findByAuthorityIdOrderByCreatedAtDesc(authorityId).stream()
                .map(LedgerIdentity::enrollmentId)
                .collect(Collectors.toSet());
        return certificates.findByStatusOrderByNotAfter(IdentityCertificate.ACTIVE).stream()
                .filter(certificate -> own.contains(certificate.enrollmentId()))
                .map(certificate -> summary(mspId, certificate))
                .sorted(Comparator.comparing(CertificateSummary::notAfter))
                .toList();
    }

    CertificateSummary summary(String mspId, IdentityCertificate certificate) {
        Instant now = clock.instant();
        long daysLeft = Duration.between(now, certificate.notAfter()).toDays();
        boolean expiringSoon = IdentityCertificate.ACTIVE.equals(certificate.status())
                && certificate.notAfter().isBefore(now.plus(Duration.ofDays(expiry.expiryWarningDays())));
        return new CertificateSummary(
                mspId,
                certificate.enrollmentId(),
                certificate.serialHex(),
                certificate.notBefore(),
                certificate.notAfter(),
                certificate.status(),
                daysLeft,
                expiringSoon);
    }

    static String pem(X509Certificate certificate) {
        try {
            String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(certificate.getEncoded());
            return "-----BEGIN CERTIFICATE-----\n" + base64 + "\n-----END CERTIFICATE-----\n";
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("Cannot encode the certificate the CA issued", e);
        }
    }

    private String mspId(UUID authorityId) {
        return authorities.findById(authorityId).map(Authority::mspId).orElseThrow(() -> new IllegalStateException(
                "Authority " + authorityId + " of a ledger identity is missing"));
    }
}
