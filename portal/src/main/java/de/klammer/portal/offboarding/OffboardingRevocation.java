package de.klammer.portal.offboarding;

import de.klammer.portal.audit.AuditEntry;
import de.klammer.portal.audit.AuditService;
import de.klammer.portal.authority.Authority;
import de.klammer.portal.authority.AuthorityService;
import de.klammer.portal.identity.AuthorityIdentityRevocation;
import de.klammer.portal.identity.AuthorityIdentityRevocation.Outcome;
import de.klammer.portal.offboarding.internal.OffboardingStore;
import de.klammer.portal.offboarding.internal.OffboardingStore.Row;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Ends the ledger identities of an offboarded authority with {@link AuthorityIdentityRevocation} and records the
 * outcome on the offboarding: completed, or revocation-failed with the error. A failure leaves everything that
 * finished recorded; a retry from the offboarding view or {@link OffboardingRevocationSchedule} continues.
 */
@Component
class OffboardingRevocation {

    private static final Logger log = LoggerFactory.getLogger(OffboardingRevocation.class);

    private final OffboardingStore store;
    private final AuthorityService authorities;
    private final AuthorityIdentityRevocation identities;
    private final AuditService audit;
    private final TransactionTemplate transaction;

    OffboardingRevocation(
            OffboardingStore store,
            AuthorityService authorities,
            AuthorityIdentityRevocation identities,
            AuditService audit,
            PlatformTransactionManager transactionManager) {
        this.store = store;
        this.authorities = authorities;
        this.identities = identities;
        this.audit = audit;
        // New transactions, because after a commit the finished transaction is still bound to the thread.
        this.transaction = new TransactionTemplate(transactionManager);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Target of one run, read from the offboarding and its authority. */
    private record Target(UUID proposalId, UUID authorityId, String authorityCode, String mspId) {}

    /** Runs the revocation once the current transaction commits, and not at all when it rolls back. */
    void runAfterCommit(UUID proposalId) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                run(proposalId, OffboardingDecisions.SYSTEM_ACTOR);
            }
        });
    }

    /**
     * Runs the revocation of every offboarding whose revocation is outstanding and unchanged since before
     * {@code updatedBefore}.
     *
     * @return the number of offboardings whose revocation ran, whatever its outcome
     */
    int runOutstanding(Instant updatedBefore) {
        List<UUID> outstanding = transaction.execute(status -> store.findRevocationOutstanding(updatedBefore));
        if (outstanding == null || outstanding.isEmpty()) {
            return 0;
        }
        log.atWarn().log("Resuming {} outstanding offboarding revocations", outstanding.size());
        outstanding.forEach(proposalId -> run(proposalId, OffboardingDecisions.SYSTEM_ACTOR));
        return outstanding.size();
    }

    /**
     * Ends the identities of the offboarded authority and records the outcome. It catches every runtime exception,
     * so that a caller after a commit or on a schedule goes on.
     *
     * @return the state afterwards, or null when the offboarding had no outstanding revocation or its state could not
     *     be read or stored
     */
    @Nullable OffboardingState run(UUID proposalId, String actor) {
        Target target;
        try {
            target = transaction.execute(status -> outstandingTarget(proposalId));
        } catch (RuntimeException e) {
            log.atError()
                    .addKeyValue("proposal", proposalId)
                    .setCause(e)
                    .log("Reading the offboarding for its revocation failed; it stays as it was");
            return null;
        }
        if (target == null) {
            return null;
        }
        try {
            Outcome outcome = identities.revokeAll(target.authorityId(), target.mspId(), target.authorityCode(), actor,
                    "authority offboarded");
            transaction.executeWithoutResult(status -> {
                store.recordCompleted(proposalId, outcome.revoked() + outcome.withdrawn());
                audit.record(new AuditEntry(actor, null, "offboarding.completed", "authority", target.mspId(),
                        outcome.revoked() + " identities revoked and " + outcome.withdrawn()
                                + " requests withdrawn in this run"));
            });
            return OffboardingState.COMPLETED;
        } catch (RuntimeException e) {
            String error = e.getClass().getSimpleName() + ": " + AuditService.withoutEmailAddresses(
                    String.valueOf(e.getMessage()));
            log.atError()
                    .addKeyValue("mspId", target.mspId())
                    .addKeyValue("proposal", proposalId)
                    .setCause(e)
                    .log("Revoking the identities of an offboarded authority failed; it can be retried");
            return recordFailure(target, actor, error);
        }
    }

    private @Nullable OffboardingState recordFailure(Target target, String actor, String error) {
        try {
            transaction.executeWithoutResult(status -> {
                store.recordFailed(target.proposalId(), error);
                audit.record(new AuditEntry(actor, null, "offboarding.revocation-failed", "authority",
                        target.mspId(), error));
            });
            return OffboardingState.REVOCATION_FAILED;
        } catch (RuntimeException e) {
            // The offboarding stays in its state, so the scheduled retry runs it again.
            log.atError()
                    .addKeyValue("proposal", target.proposalId())
                    .setCause(e)
                    .log("Recording the failed revocation of an offboarded authority failed");
            return null;
        }
    }

    private @Nullable Target outstandingTarget(UUID proposalId) {
        Row row = store.find(proposalId).orElse(null);
        if (row == null || !OffboardingState.fromDatabaseValue(row.state()).revocationOutstanding()) {
            return null;
        }
        String code = authorities.findById(row.authorityId())
                .map(Authority::code)
                .orElseThrow(() -> new IllegalStateException("Authority " + row.authorityId() + " is missing"));
        return new Target(proposalId, row.authorityId(), code, row.mspId());
    }
}
