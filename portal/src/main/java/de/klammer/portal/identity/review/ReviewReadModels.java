package de.klammer.portal.identity.review;

import de.klammer.portal.identity.IdentityKind;
import de.klammer.portal.identity.LedgerRole;
import de.klammer.portal.identity.review.internal.AccessReviewCampaign;
import de.klammer.portal.identity.review.internal.AccessReviewItem;
import de.klammer.portal.identity.review.internal.AccessReviewItemRepository;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** Builds the records that the access review views show from the entities. */
@Component
class ReviewReadModels {

    private final AccessReviewItemRepository items;

    ReviewReadModels(AccessReviewItemRepository items) {
        this.items = items;
    }

    CampaignSummary summary(AccessReviewCampaign campaign) {
        List<AccessReviewItem> all = items.findByCampaignIdOrderByEnrollmentIdAsc(campaign.id());
        int confirmed = count(all, ReviewDecision.CONFIRMED);
        int withdrawn = count(all, ReviewDecision.WITHDRAWN);
        return new CampaignSummary(campaign.id(), campaign.reference(), campaign.mspId(), campaign.openedBy(),
                campaign.openedAt(), campaign.closedAt(), campaign.isOpen(), all.size(), confirmed + withdrawn,
                confirmed, withdrawn);
    }

    ReviewItem item(AccessReviewItem item) {
        return new ReviewItem(item.id(), item.campaignId(), item.enrollmentId(),
                IdentityKind.valueOf(item.identityKind().toUpperCase(Locale.ROOT)), roles(item.roles()),
                item.decision(), item.decidedBy(), item.decidedAt(), item.reason(), item.revocationState(),
                item.revocationError(), item.revocationUpdatedAt());
    }

    /** Returns the roles as the sorted, comma-separated attribute values that an item stores. */
    static String rolesValue(List<LedgerRole> roles) {
        return String.join(",", roles.stream().map(LedgerRole::attributeValue).sorted().toList());
    }

    private static List<LedgerRole> roles(String value) {
        return Arrays.stream(value.split(","))
                .filter(role -> !role.isBlank())
                .map(LedgerRole::fromAttributeValue)
                .toList();
    }

    private static int count(List<AccessReviewItem> all, ReviewDecision decision) {
        return (int) all.stream().filter(item -> item.decision() == decision).count();
    }
}
