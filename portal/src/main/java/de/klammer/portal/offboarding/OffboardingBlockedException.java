package de.klammer.portal.offboarding;

import java.util.List;

/**
 * Thrown when a blocking preview finding prevents proposing the offboarding of the given authority. The message lists
 * the findings.
 */
public class OffboardingBlockedException extends IllegalArgumentException {

    private final String mspId;
    private final List<PreviewFinding> findings;

    public OffboardingBlockedException(String mspId, List<PreviewFinding> findings) {
        super("Offboarding " + mspId + " is blocked: " + String.join("; ",
                findings.stream().filter(PreviewFinding::blocking).map(PreviewFinding::describe).toList())
                + ". Change the named policies first, or wait for the other offboarding to end");
        this.mspId = mspId;
        this.findings = List.copyOf(findings);
    }

    public String mspId() {
        return mspId;
    }

    public List<PreviewFinding> findings() {
        return findings;
    }
}
