package de.klammer.portal.identity.review;

import de.klammer.identity.RevocationReason;
import de.klammer.portal.audit.AuditEntry;
import de.klammer.portal.audit.AuditService;
import de.klammer.portal.authority.AuthorityService;
import de.klammer.portal.identity.IdentityRevoked;
import de.klammer.portal.identity.erasure.IdentityRevocation;
import de.klammer.portal.identity.review.internal.AccessReviewCampaign;
import de.klammer.portal.identity.review.internal.AccessReviewCampaignRepository;
import de.klammer.portal.identity.review.internal.AccessReviewItem;
import de.klammer.portal.identity.review.internal.AccessReviewItemRepository;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Revokes the identity of a withdrawn review item through {@link IdentityRevocation} and records the outcome on the
 * item: done, or failed with the error. It runs after the withdrawal commits, so a CA or orderer failure or a crash
 * leaves the committed decision in place. {@link ReviewRevocationSchedule} picks up a pending item that no run
 * finished.
 * Each outcome writes an audit row that names the identity by its pseudonymous enrolment ID and leaves out the
 * reviewer's free-text reason.
 */
@Component
class ReviewRevocation {

    private static final Logger log = LoggerFactory.getLogger(ReviewRevocation.class);

    /** Actor of the audit rows that the scheduled retry writes. */
    static final String SYSTEM_ACTOR = "system";

    /** Maximum length of a stored error, so that a long CA response does not fill the item row. */
    private static final int MAX_ERROR_LENGTH = 1000;

    private final AccessReviewItemRepository items;
    private final AccessReviewCampaignRepository campaigns;
    private final AuthorityService authorities;
    private final IdentityRevocation revocation;
    private final AuditService audit;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;

    ReviewRevocation(
            AccessReviewItemRepository items,
            AccessReviewCampaignRepository campaigns,
            AuthorityService authorities,
            IdentityRevocation revocation,
            AuditService audit,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactionManager) {
        this.items = items;
        this.campaigns = campaigns;
        this.authorities = authorities;
        this.revocation = revocation;
        this.audit = audit;
        this.events = events;
        // New transactions, because after a commit the finished transaction is still bound to the thread, and a
        // joining transaction would never commit.
        this.transaction = new TransactionTemplate(transactionManager);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Target of one revocation run, read from the item and its campaign. */
    private record Target(UUID itemId, String enrollmentId, String mspId, String authorityCode, String campaign) {}

    /**
     * Runs the revocation of the item once the current transaction commits, and not at all when it rolls back.
     *
     * @param actor pseudonym of the administrator whose decision or retry started it, for the audit rows
     */
    void runAfterCommit(UUID itemId, String actor) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                run(itemId, actor);
            }
        });
    }

    /**
     * Runs the revocation of every item that has been pending since before {@code updatedBefore}: those whose run
     * after the decision never finished because the portal stopped.
     *
     * @return the number of items whose revocation ran, whatever its outcome
     */
    int runPending(Instant updatedBefore) {
        List<UUID> pending = transaction.execute(status -> items
                .findByRevocationStateAndRevocationUpdatedAtBeforeOrderByRevocationUpdatedAtAsc(
                        RevocationState.PENDING.databaseValue(), updatedBefore)
                .stream()
                .map(AccessReviewItem::id)
                .toList());
        if (pending == null || pending.isEmpty()) {
            return 0;
        }
        log.atWarn().log("Resuming {} pending access review revocations", pending.size());
        pending.forEach(itemId -> run(itemId, SYSTEM_ACTOR));
        return pending.size();
    }

    /**
     * Revokes the identity of a pending item and records the outcome. It catches every runtime exception, so that a
     * caller after a commit or on a schedule goes on.
     *
     * @return the state the item has afterwards, or null when it was not pending or the outcome could not be stored
     */
    @Nullable RevocationState run(UUID itemId, String actor) {
        Target target;
        try {
            target = transaction.execute(status -> pendingTarget(itemId));
        } catch (RuntimeException e) {
            log.atError()
                    .addKeyValue("item", itemId)
                    .setCause(e)
                    .log("Reading the access review item for its revocation failed; it stays as it was");
            return null;
        }
        if (target == null) {
            return null;
        }
        try {
            List<String> blocks = revocation.revoke(target.mspId(), List.of(target.enrollmentId()),
                    RevocationReason.PRIVILEGE_WITHDRAWN);
            transaction.executeWithoutResult(status -> recordDone(target, actor, blocks));
            log.atInfo()
                    .addKeyValue("campaign", target.campaign())
                    .addKeyValue("msp", target.mspId())
                    .log("Revoked identity {} after an access review withdrawal; CRL on channel {}",
                            target.enrollmentId(), blocks);
            return RevocationState.DONE;
        } catch (RuntimeException e) {
            log.atError()
                    .addKeyValue("campaign", target.campaign())
                    .addKeyValue("msp", target.mspId())
                    .setCause(e)
                    .log("Revoking identity {} after an access review withdrawal failed; an administrator can retry",
                            target.enrollmentId());
            return recordFailure(target, actor, e);
        }
    }

    private @Nullable Target pendingTarget(UUID itemId) {
        AccessReviewItem item = items.findById(itemId).orElse(null);
        if (item == null || item.revocationState() != RevocationState.PENDING) {
            return null;
        }
        AccessReviewCampaign campaign = campaigns.findById(item.campaignId()).orElseThrow();
        String authorityCode = authorities.findById(campaign.authorityId())
                .orElseThrow(() -> new IllegalStateException("Authority " + campaign.authorityId()
                        + " of access review " + campaign.reference() + " is missing"))
                .code();
        return new Target(itemId, item.enrollmentId(), campaign.mspId(), authorityCode, campaign.reference());
    }

    private void recordDone(Target target, String actor, List<String> blocks) {
        AccessReviewItem item = items.findById(target.itemId()).orElseThrow();
        // A concurrent run finished first; its event and audit row stand.
        if (item.revocationState() == RevocationState.DONE) {
            return;
        }
        item.markRevocationDone();
        events.publishEvent(new IdentityRevoked(target.mspId(), target.enrollmentId(),
                "roles withdrawn in access review " + target.campaign()));
        audit.record(new AuditEntry(actor, target.authorityCode(), "access-review.revoked", "ledger-identity",
                target.enrollmentId(), "access review " + target.campaign() + "; revoked at the CA (privilege"
                        + " withdrawn); CRL on channel since " + blocks));
    }

    private @Nullable RevocationState recordFailure(Target target, String actor, RuntimeException failure) {
        String error = errorText(failure);
        try {
            return transaction.execute(status -> {
                AccessReviewItem item = items.findById(target.itemId()).orElseThrow();
                if (item.revocationState() == RevocationState.DONE) {
                    return RevocationState.DONE;
                }
                item.markRevocationFailed(error);
                audit.record(new AuditEntry(actor, target.authorityCode(), "access-review.revocation-failed",
                        "ledger-identity", target.enrollmentId(), "access review " + target.campaign()
                                + "; revocation failed: " + error));
                return RevocationState.FAILED;
            });
        } catch (RuntimeException e) {
            // The item stays pending, so the scheduled retry runs it again.
            log.atError()
                    .addKeyValue("item", target.itemId())
                    .setCause(e)
                    .log("Recording the failed revocation of identity {} failed; it stays pending",
                            target.enrollmentId());
            return null;
        }
    }

    private static String errorText(RuntimeException failure) {
        String message = failure.getMessage();
        String text = failure.getClass().getSimpleName();
        if (message != null && !message.isBlank()) {
            text = text + ": " + message;
        }
        return text.length() <= MAX_ERROR_LENGTH ? text : text.substring(0, MAX_ERROR_LENGTH - 1) + "…";
    }
}
