package de.klammer.portal.identity.review;

/** Test helper for access reviews that share the database with other tests. */
public final class AccessReviews {

    private AccessReviews() {}

    /**
     * Confirms every pending item of the signed-in administrator's open campaign, so that a new campaign of that
     * authority can open. An authority has at most one open campaign.
     */
    public static void closeOpenCampaign(AccessReviewService reviews) {
        reviews.list().stream().filter(CampaignSummary::open).forEach(campaign -> reviews.items(campaign.id()).stream()
                .filter(item -> item.decision() == ReviewDecision.PENDING)
                .forEach(item -> reviews.confirm(item.id())));
    }
}
