package de.klammer.portal.identity.erasure;

import de.klammer.identity.RevocationReason;
import de.klammer.portal.audit.AuditEntry;
import de.klammer.portal.audit.AuditService;
import de.klammer.portal.authority.Authority;
import de.klammer.portal.authority.AuthorityService;
import de.klammer.portal.identity.IdentityRevoked;
import de.klammer.portal.identity.LedgerIdentityStatus;
import de.klammer.portal.identity.internal.LedgerIdentity;
import de.klammer.portal.identity.internal.LedgerIdentityRepository;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Revokes enrolled identities whose validity has ended through {@link IdentityRevocation}, so that the orderer
 * rejects them. Fabric CA v1.5.21 issues every enrolment certificate for its signing profile's expiry and ignores a
 * requested notAfter, so this revocation is what ends an identity on its {@code validUntil} day.
 */
@Component
public class ValidityEndRevocation {

    private static final Logger log = LoggerFactory.getLogger(ValidityEndRevocation.class);

    private final LedgerIdentityRepository identities;
    private final AuthorityService authorities;
    private final IdentityRevocation revocation;
    private final AuditService audit;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;

    ValidityEndRevocation(
            LedgerIdentityRepository identities,
            AuthorityService authorities,
            IdentityRevocation revocation,
            AuditService audit,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactionManager) {
        this.identities = identities;
        this.authorities = authorities;
        this.revocation = revocation;
        this.audit = audit;
        this.events = events;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    /**
     * Revokes every enrolled identity whose last valid day lies before {@code today}, one CRL update per authority
     * and channel. An authority whose CA or channel update fails keeps its identities enrolled, so the next run
     * tries again, and the other authorities go ahead.
     *
     * @return the enrolment IDs that were revoked and whose CRL reached every channel
     */
    public List<String> revokePastValidity(LocalDate today) {
        Map<String, List<LedgerIdentity>> dueByMsp = new LinkedHashMap<>();
        for (LedgerIdentity identity : transaction.execute(status -> identities.findByStatusAndValidUntilBefore(
                LedgerIdentityStatus.ENROLLED.databaseValue(), today))) {
            dueByMsp.computeIfAbsent(authority(identity.authorityId()).mspId(), msp -> new ArrayList<>())
                    .add(identity);
        }
        List<String> revoked = new ArrayList<>();
        dueByMsp.forEach((mspId, due) -> {
            try {
                revoked.addAll(revoke(mspId, due));
            } catch (RuntimeException e) {
                log.atError()
                        .addKeyValue("msp", mspId)
                        .setCause(e)
                        .log("Revoking {} ledger identities past their validity failed; next run retries", due.size());
            }
        });
        return revoked;
    }

    private List<String> revoke(String mspId, List<LedgerIdentity> due) {
        List<String> revoked = due.stream().map(LedgerIdentity::enrollmentId).toList();
        List<String> blocks = revocation.revoke(mspId, revoked, RevocationReason.CESSATION_OF_OPERATION);
        Authority authority = authority(due.getFirst().authorityId());
        transaction.executeWithoutResult(status -> due.forEach(identity -> {
            String reason = "validity ended on " + identity.validUntil();
            events.publishEvent(new IdentityRevoked(mspId, identity.enrollmentId(), reason));
            audit.record(new AuditEntry("system", authority.code(), "identity.validity-ended", "ledger-identity",
                    identity.enrollmentId(), reason + "; revoked at the CA; CRL on channel since " + blocks));
        }));
        log.atInfo()
                .addKeyValue("msp", mspId)
                .log("Revoked {} ledger identities past their validity; CRL on channel {}", revoked.size(), blocks);
        return revoked;
    }

    private Authority authority(UUID authorityId) {
        return authorities.findById(authorityId).orElseThrow(() -> new IllegalStateException(
                "Authority " + authorityId + " of a ledger identity is missing"));
    }
}
