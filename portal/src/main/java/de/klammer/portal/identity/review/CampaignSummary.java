package de.klammer.portal.identity.review;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An access review campaign with its progress. People appear only by pseudonym.
 *
 * @param openedBy pseudonym of the administrator who opened it
 * @param closedAt when the last item was decided, or null while open
 * @param items number of identities under review
 * @param decided number of items confirmed or withdrawn
 */
public record CampaignSummary(
        UUID id,
        String reference,
        String mspId,
        String openedBy,
        Instant openedAt,
        @Nullable Instant closedAt,
        boolean open,
        int items,
        int decided,
        int confirmed,
        int withdrawn) {

    /** Returns the share of decided items in whole percent, 100 for a campaign without items. */
    public int percentDecided() {
        return items == 0 ? 100 : decided * 100 / items;
    }
}
