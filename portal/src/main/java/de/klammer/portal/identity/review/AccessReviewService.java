package de.klammer.portal.identity.review;

import de.klammer.identity.PersonRecord;
import de.klammer.portal.audit.AuditEntry;
import de.klammer.portal.audit.AuditService;
import de.klammer.portal.identity.IdentityKind;
import de.klammer.portal.identity.IdentityVaultService;
import de.klammer.portal.identity.LedgerIdentityDetails;
import de.klammer.portal.identity.LedgerIdentityService;
import de.klammer.portal.identity.LedgerIdentityStatus;
import de.klammer.portal.identity.review.internal.AccessReviewCampaign;
import de.klammer.portal.identity.review.internal.AccessReviewCampaignRepository;
import de.klammer.portal.identity.review.internal.AccessReviewItem;
import de.klammer.portal.identity.review.internal.AccessReviewItemRepository;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Runs access reviews of ledger identities. An administrator opens a campaign for their authority, which lists every
 * identity enrolled at that moment. The authority's administrators then confirm or withdraw each identity's roles, but
 * never decide on their own identity. A withdrawal revokes the identity at its CA and puts the CRL on the channels
 * through {@link ReviewRevocation}, after the decision commits; the person's vault entry stays. The campaign closes
 * when its last item is decided. Every decision writes an audit event that names people by pseudonym only.
 */
@Service
@Transactional
public class AccessReviewService {

    private static final Logger log = LoggerFactory.getLogger(AccessReviewService.class);

    /** Maximum length of a withdrawal reason, the same as for the texts of data subject requests. */
    public static final int MAX_REASON_LENGTH = 2000;

    private final AccessReviewCampaignRepository campaigns;
    private final AccessReviewItemRepository items;
    private final LedgerIdentityService identities;
    private final IdentityVaultService vault;
    private final ReviewRevocation revocation;
    private final AuditService audit;
    private final ReviewActors actors;
    private final ReviewReadModels readModels;

    AccessReviewService(
            AccessReviewCampaignRepository campaigns,
            AccessReviewItemRepository items,
            LedgerIdentityService identities,
            IdentityVaultService vault,
            ReviewRevocation revocation,
            AuditService audit,
            ReviewActors actors,
            ReviewReadModels readModels) {
        this.campaigns = campaigns;
        this.items = items;
        this.identities = identities;
        this.vault = vault;
        this.revocation = revocation;
        this.audit = audit;
        this.actors = actors;
        this.readModels = readModels;
    }

    /**
     * Opens a campaign for the administrator's authority over every identity that is enrolled now.
     *
     * @throws IllegalStateException when the authority has an open campaign already or no enrolled identity
     */
    @PreAuthorize("hasRole('AUTHORITY_ADMIN')")
    public CampaignSummary open() {
        ReviewActors.Actor actor = actors.current();
        campaigns.findByAuthorityIdOrderByOpenedAtDesc(actor.authority().id()).stream()
                .filter(AccessReviewCampaign::isOpen)
                .findFirst()
                .ifPresent(open -> {
                    throw new IllegalStateException("Access review " + open.reference() + " of "
                            + actor.authority().mspId() + " is still open; decide its remaining items first");
                });
        List<LedgerIdentityDetails> enrolled = identities.list().stream()
                .filter(identity -> identity.status() == LedgerIdentityStatus.ENROLLED)
                .toList();
        if (enrolled.isEmpty()) {
            throw new IllegalStateException("Authority " + actor.authority().mspId()
                    + " has no enrolled ledger identity, so there is nothing to review");
        }

        AccessReviewCampaign campaign = campaigns.save(new AccessReviewCampaign(
                nextReference(), actor.authority().id(), actor.authority().mspId(), actor.pseudonym()));
        for (LedgerIdentityDetails identity : enrolled) {
            items.save(new AccessReviewItem(campaign.id(), identity.id(), identity.enrollmentId(),
                    identity.kind().name().toLowerCase(Locale.ROOT), ReviewReadModels.rolesValue(identity.roles())));
        }
        audit(actor, "access-review.opened", "access-review", campaign.reference(),
                enrolled.size() + " enrolled identities to review");
        log.atInfo()
                .addKeyValue("campaign", campaign.reference())
                .addKeyValue("msp", campaign.mspId())
                .log("Opened access review with {} identities", enrolled.size());
        return readModels.summary(campaign);
    }

    /**
     * Confirms the roles of an identity under review.
     *
     * @throws IllegalStateException when the campaign is closed or the item is decided already
     * @throws AccessDeniedException when the identity is the reviewer's own
     */
    @PreAuthorize("hasRole('AUTHORITY_ADMIN')")
    public ReviewItem confirm(UUID itemId) {
        ReviewActors.Actor actor = actors.current();
        AccessReviewItem item = ownItem(itemId, actor);
        AccessReviewCampaign campaign = lockOpenCampaign(item, actor);
        requireNotOwnIdentity(item, campaign, actor);

        // NOTE: items are fixed when the campaign opens. An identity revoked since then can still be confirmed, and
        // the item does not show that it ended.
        item.confirm(actor.pseudonym());
        audit(actor, "access-review.confirmed", "ledger-identity", item.enrollmentId(),
                "access review " + campaign.reference() + "; roles " + item.roles() + " confirmed");
        closeWhenDecided(campaign, actor);
        return readModels.item(item);
    }

    /**
     * Withdraws the roles of an identity under review and revokes the identity. The decision commits first with the
     * revocation pending. After the commit, all certificates of the identity are revoked at its CA, and the CRL goes
     * into the authority's MSP definition on its channels. A CA or orderer failure leaves the item failed with the
     * error, for {@link #retryRevocation}. The person's vault entry stays.
     *
     * <p>NOTE: the revocation runs in the caller's thread after the commit, so this call returns only when it ended,
     * which can take the erasure await timeout per channel. The returned item still shows it pending.
     *
     * @throws IllegalArgumentException when the reason is blank or longer than {@value #MAX_REASON_LENGTH} characters
     * @throws IllegalStateException when the campaign is closed or the item is decided already
     * @throws AccessDeniedException when the identity is the reviewer's own
     */
    @PreAuthorize("hasRole('AUTHORITY_ADMIN')")
    public ReviewItem withdraw(UUID itemId, String reason) {
        ReviewActors.Actor actor = actors.current();
        String checkedReason = requireReason(reason);
        AccessReviewItem item = ownItem(itemId, actor);
        AccessReviewCampaign campaign = lockOpenCampaign(item, actor);
        requireNotOwnIdentity(item, campaign, actor);
        if (item.decision() != ReviewDecision.PENDING) {
            throw new IllegalStateException("Identity " + item.enrollmentId() + " was " + item.decision()
                    .databaseValue() + " already in access review " + campaign.reference());
        }

        item.withdraw(actor.pseudonym(), checkedReason);
        // The free-text reason may name people, so it stays on the item and out of the audit row.
        audit(actor, "access-review.withdrawn", "ledger-identity", item.enrollmentId(),
                "access review " + campaign.reference() + "; roles " + item.roles() + " withdrawn; revocation pending;"
                        + " reason stored with the review item");
        log.atInfo()
                .addKeyValue("campaign", campaign.reference())
                .log("Withdrew the roles of identity {} in an access review; revocation pending", item.enrollmentId());
        closeWhenDecided(campaign, actor);
        revocation.runAfterCommit(item.id(), actor.pseudonym());
        return readModels.item(item);
    }

    /**
     * Runs a failed revocation of a withdrawn identity again, after the retry is committed. The campaign may be
     * closed already.
     *
     * @throws IllegalStateException when the item's revocation did not fail
     */
    @PreAuthorize("hasRole('AUTHORITY_ADMIN')")
    public ReviewItem retryRevocation(UUID itemId) {
        ReviewActors.Actor actor = actors.current();
        AccessReviewItem item = ownItem(itemId, actor);
        AccessReviewCampaign campaign = ownCampaign(item.campaignId(), actor);
        if (item.revocationState() != RevocationState.FAILED) {
            throw new IllegalStateException("The revocation of identity " + item.enrollmentId() + " is "
                    + (item.revocationState() == null ? "not started, because its roles were not withdrawn"
                            : item.revocationState().databaseValue())
                    + "; only a failed revocation can be retried");
        }

        item.retryRevocation();
        audit(actor, "access-review.revocation-retried", "ledger-identity", item.enrollmentId(),
                "access review " + campaign.reference() + "; revocation retried after it failed");
        revocation.runAfterCommit(item.id(), actor.pseudonym());
        return readModels.item(item);
    }

    /** Returns the campaigns of the user's authority, newest first. */
    @PreAuthorize("hasAnyRole('AUTHORITY_ADMIN', 'DPO', 'AUDITOR')")
    @Transactional(readOnly = true)
    public List<CampaignSummary> list() {
        ReviewActors.Actor actor = actors.current();
        return campaigns.findByAuthorityIdOrderByOpenedAtDesc(actor.authority().id()).stream()
                .map(readModels::summary)
                .toList();
    }

    /**
     * Returns the items of a campaign of the user's authority, with the status of any revocation.
     *
     * @throws IllegalArgumentException when the user's authority has no such campaign
     */
    @PreAuthorize("hasAnyRole('AUTHORITY_ADMIN', 'DPO', 'AUDITOR')")
    @Transactional(readOnly = true)
    public List<ReviewItem> items(UUID campaignId) {
        ReviewActors.Actor actor = actors.current();
        ownCampaign(campaignId, actor);
        return items.findByCampaignIdOrderByEnrollmentIdAsc(campaignId).stream()
                .map(readModels::item)
                .toList();
    }

    private AccessReviewItem ownItem(UUID itemId, ReviewActors.Actor actor) {
        AccessReviewItem item = items.findById(itemId)
                .orElseThrow(() -> new IllegalArgumentException("No access review item with id " + itemId));
        ownCampaign(item.campaignId(), actor);
        return item;
    }

    private AccessReviewCampaign ownCampaign(UUID campaignId, ReviewActors.Actor actor) {
        AccessReviewCampaign campaign = campaigns.findById(campaignId)
                .orElseThrow(() -> new IllegalArgumentException("No access review campaign with id " + campaignId));
        if (!campaign.authorityId().equals(actor.authority().id())) {
            // Another authority's campaign does not exist for this user.
            throw new IllegalArgumentException("No access review campaign with id " + campaignId);
        }
        return campaign;
    }

    /** Locks the campaign row, so that two last decisions at once close it exactly once. */
    private AccessReviewCampaign lockOpenCampaign(AccessReviewItem item, ReviewActors.Actor actor) {
        AccessReviewCampaign campaign = campaigns.lockById(item.campaignId()).orElseThrow();
        if (!campaign.isOpen()) {
            throw new IllegalStateException("Access review " + campaign.reference() + " is closed since "
                    + campaign.closedAt() + "; open a new campaign to review identity " + item.enrollmentId()
                    + " again");
        }
        return campaign;
    }

    /**
     * Rejects a decision on the reviewer's own identity, found by comparing the OIDC issuer and subject in the
     * identity's vault record with the reviewer's. The vault lookup is audited with its purpose.
     */
    private void requireNotOwnIdentity(AccessReviewItem item, AccessReviewCampaign campaign, ReviewActors.Actor actor) {
        if (!IdentityKind.PERSON.name().equalsIgnoreCase(item.identityKind()) || !vault.contains(item.enrollmentId())) {
            return;
        }
        PersonRecord person = vault.resolve(item.enrollmentId(),
                "access review " + campaign.reference() + ": check that the reviewer is not the identity's holder");
        if (actors.isSignedInPerson(actor, person)) {
            throw new AccessDeniedException("Identity " + item.enrollmentId() + " is your own ledger identity, and"
                    + " nobody reviews their own roles. Another administrator of " + campaign.mspId()
                    + " must decide on it.");
        }
    }

    private void closeWhenDecided(AccessReviewCampaign campaign, ReviewActors.Actor actor) {
        items.flush();
        long pending = items.countByCampaignIdAndDecision(campaign.id(), ReviewDecision.PENDING.databaseValue());
        if (pending > 0) {
            return;
        }
        campaign.close();
        CampaignSummary summary = readModels.summary(campaign);
        audit(actor, "access-review.closed", "access-review", campaign.reference(), summary.confirmed()
                + " confirmed, " + summary.withdrawn() + " withdrawn");
        log.atInfo()
                .addKeyValue("campaign", campaign.reference())
                .addKeyValue("msp", campaign.mspId())
                .log("Closed access review after its last decision");
    }

    private static String requireReason(@Nullable String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("Give a reason for withdrawing the roles, for example that the person"
                    + " left the team; the reason goes into the audit trail");
        }
        if (reason.length() > MAX_REASON_LENGTH) {
            throw new IllegalArgumentException("The reason has " + reason.length() + " characters; at most "
                    + MAX_REASON_LENGTH + " are allowed");
        }
        return reason.strip();
    }

    private void audit(ReviewActors.Actor actor, String action, String subjectType, String subjectId, String details) {
        audit.record(new AuditEntry(actor.pseudonym(), actor.authority().code(), action, subjectType, subjectId,
                details));
    }

    private static String nextReference() {
        return "AR-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
    }
}
