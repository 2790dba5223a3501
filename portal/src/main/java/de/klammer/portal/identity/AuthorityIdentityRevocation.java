package de.klammer.portal.identity;

import de.klammer.identity.RevocationReason;
import de.klammer.portal.audit.AuditEntry;
import de.klammer.portal.audit.AuditService;
import de.klammer.portal.identity.erasure.IdentityRevocation;
import de.klammer.portal.identity.internal.CaEnrollmentSteps;
import de.klammer.portal.identity.internal.LedgerIdentity;
import de.klammer.portal.identity.internal.LedgerIdentityRepository;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Ends every ledger identity of an authority that leaves the network: enrolled identities are revoked at the
 * authority's CA (with {@link IdentityRevocation}, which also puts the CRL on every channel the organisation is still
 * a member of), and open requests are withdrawn, their CA registration removed or revoked. CA calls run outside any
 * transaction, and each identity's new state commits on its own, so a failure part-way leaves the finished identities
 * recorded and a second run picks up the rest.
 */
@Component
public class AuthorityIdentityRevocation {

    private static final Logger log = LoggerFactory.getLogger(AuthorityIdentityRevocation.class);

    /** States of an identity that a departing authority must not keep. */
    private static final Set<LedgerIdentityStatus> OUTSTANDING = EnumSet.of(
            LedgerIdentityStatus.REQUESTED,
            LedgerIdentityStatus.APPROVED,
            LedgerIdentityStatus.REGISTERED,
            LedgerIdentityStatus.ENROLLED,
            LedgerIdentityStatus.FAILED);

    private final LedgerIdentityRepository identities;
    private final CaEnrollmentSteps ca;
    private final IdentityRevocation revocation;
    private final IdentityVaultService vault;
    private final AuditService audit;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;

    AuthorityIdentityRevocation(
            LedgerIdentityRepository identities,
            CaEnrollmentSteps ca,
            IdentityRevocation revocation,
            IdentityVaultService vault,
            AuditService audit,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactionManager) {
        this.identities = identities;
        this.ca = ca;
        this.revocation = revocation;
        this.vault = vault;
        this.audit = audit;
        this.events = events;
        // New transactions, because callers run after a commit, when the finished transaction is still bound.
        this.transaction = new TransactionTemplate(transactionManager);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Identities ended by one run.
     *
     * @param revoked enrolled identities revoked at the CA
     * @param withdrawn open requests withdrawn
     */
    public record Outcome(int revoked, int withdrawn) {}

    /** Counts the authority's identities that are enrolled or still requested, which offboarding would end. */
    public int countOutstanding(UUID authorityId) {
        return transaction.execute(status -> outstanding(authorityId).size());
    }

    /**
     * Revokes the authority's enrolled identities and withdraws its open requests.
     *
     * @param actor audit actor, for example {@code system:offboarding}
     * @param reason why, for the identities' state and the audit trail; never personal data
     * @throws de.klammer.identity.FabricCaException when the CA is unreachable or rejects a step; what finished before
     *     stays recorded
     * @throws RuntimeException from the ledger when the CRL cannot be put on a channel the organisation is still on
     */
    public Outcome revokeAll(UUID authorityId, String mspId, String authorityCode, String actor, String reason) {
        List<LedgerIdentity> open = transaction.execute(status -> outstanding(authorityId));
        int withdrawn = 0;
        for (LedgerIdentity identity : open) {
            if (identity.status() != LedgerIdentityStatus.ENROLLED) {
                withdraw(identity, mspId, authorityCode, actor, reason);
                withdrawn++;
            }
        }

        List<String> enrolled = open.stream()
                .filter(identity -> identity.status() == LedgerIdentityStatus.ENROLLED)
                .map(LedgerIdentity::enrollmentId)
                .toList();
        if (!enrolled.isEmpty()) {
            List<String> blocks = revocation.revoke(mspId, enrolled, RevocationReason.CESSATION_OF_OPERATION);
            transaction.executeWithoutResult(status -> enrolled.forEach(enrollmentId -> {
                events.publishEvent(new IdentityRevoked(mspId, enrollmentId, reason));
                audit.record(new AuditEntry(actor, authorityCode, "identity.revoked", "ledger-identity", enrollmentId,
                        reason + "; revoked at the CA of " + mspId + " (cessation of operation)"
                                + (blocks.isEmpty() ? "" : "; CRL on channel since " + blocks)));
            }));
        }
        log.atInfo()
                .addKeyValue("msp", mspId)
                .addKeyValue("revoked", enrolled.size())
                .addKeyValue("withdrawn", withdrawn)
                .log("Ended the ledger identities of an offboarded authority");
        return new Outcome(enrolled.size(), withdrawn);
    }

    private void withdraw(LedgerIdentity identity, String mspId, String authorityCode, String actor, String reason) {
        String atCa = "; never registered at the CA";
        if (identity.status() != LedgerIdentityStatus.REQUESTED) {
            atCa = ca.removeAtCa(mspId, identity.enrollmentId()) ? "; revoked at the CA" : "; removed at the CA";
        }
        String caOutcome = atCa;
        transaction.executeWithoutResult(status -> {
            LedgerIdentity current = identities.findById(identity.id()).orElseThrow();
            if (!OUTSTANDING.contains(current.status()) || current.status() == LedgerIdentityStatus.ENROLLED) {
                return;
            }
            current.withdraw(reason);
            vault.destroy(current.enrollmentId(), reason);
            audit.record(new AuditEntry(actor, authorityCode, "identity.withdrawn", "ledger-identity",
                    current.enrollmentId(), reason + caOutcome));
        });
    }

    private List<LedgerIdentity> outstanding(UUID authorityId) {
        return identities.findByAuthorityIdOrderByCreatedAtDesc(authorityId).stream()
                .filter(identity -> OUTSTANDING.contains(identity.status()))
                .toList();
    }
}
