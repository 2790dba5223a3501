package de.klammer.portal.concept;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The result of one drift detection run: where the live channel config differs from the applied concept version.
 *
 * @param versionId the applied version compared against, or null when no version is applied yet
 * @param versionNumber its number, or 0 when no version is applied
 * @param channel the channel that was read
 * @param checkedAt when detection ran
 * @param findings every differing policy and ACL, ordered by element path
 * @param newFindings how many of the findings this run saw for the first time
 */
public record ConceptDrift(
        @Nullable UUID versionId,
        int versionNumber,
        String channel,
        Instant checkedAt,
        List<DriftFinding> findings,
        int newFindings) {

    public ConceptDrift {
        findings = List.copyOf(findings);
    }

    /** Returns whether the channel enforces the applied version exactly. */
    public boolean isClean() {
        return findings.isEmpty();
    }

    /**
     * One element of the channel config that differs from the compiled concept.
     *
     * @param path the policy path, for example {@code /Channel/Application/Rights.registered.Read}, or
     *     {@code acl:<resource>} for an ACL
     * @param expected the compiled value: a policy rule in text form, or the policy an ACL must point at
     * @param found the live value, or null when the channel lacks the element
     * @param firstSeenAt when detection first saw this difference
     * @param lastSeenAt when detection last saw it
     */
    public record DriftFinding(
            UUID id, String path, String expected, @Nullable String found, Instant firstSeenAt, Instant lastSeenAt) {}
}
