package de.klammer.portal.identity.erasure;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An authority to notify of an erasure or rectification (GDPR Art. 19).
 *
 * @param mspId MSP ID of the recipient authority
 * @param notifiedAt when the portal recorded the notification
 * @param acknowledgedAt when a user of the recipient acknowledged it, or null
 */
public record RecipientView(String mspId, Instant notifiedAt, @Nullable Instant acknowledgedAt) {}
