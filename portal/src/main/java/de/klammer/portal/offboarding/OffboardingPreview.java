package de.klammer.portal.offboarding;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The effect of offboarding an authority, computed against the live channel config before anything changes.
 *
 * @param authorityId the leaving authority
 * @param authorityName its display name
 * @param mspId MSP ID of its organisation
 * @param remainingOrganizations MSP IDs of the application organisations that stay
 * @param findings blocking findings first, then warnings and notes
 */
public record OffboardingPreview(
        UUID authorityId,
        String authorityName,
        String mspId,
        List<String> remainingOrganizations,
        List<PreviewFinding> findings) {

    public OffboardingPreview {
        remainingOrganizations = List.copyOf(remainingOrganizations);
        List<PreviewFinding> sorted = new ArrayList<>(findings);
        sorted.sort((left, right) -> Boolean.compare(right.blocking(), left.blocking()));
        findings = List.copyOf(sorted);
    }

    /** Returns whether a blocking finding prevents proposing the offboarding. */
    public boolean blocked() {
        return findings.stream().anyMatch(PreviewFinding::blocking);
    }

    /** Returns the proposal's record of the preview in English: the remaining organisations, then every finding. */
    public List<String> describe() {
        List<String> lines = new ArrayList<>();
        lines.add("Remove " + mspId + " from the channel; remaining: " + String.join(", ", remainingOrganizations));
        findings.forEach(finding -> lines.add(finding.describe()));
        return lines;
    }
}
