package de.klammer.identity;

import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** A certificate request or certificate contains personal data, so Klammer did not issue or keep it. */
public class PersonalDataFoundException extends RuntimeException {

    private final @Nullable String enrollmentId;
    private final List<PersonalDataFinding> findings;

    /**
     * @param enrollmentId the identity concerned, or null when the request was rejected before registration
     * @param stage what was inspected, for example "certificate signing request"
     */
    public PersonalDataFoundException(@Nullable String enrollmentId, String stage, List<PersonalDataFinding> findings) {
        super("Personal data found in the " + stage + (enrollmentId == null ? "" : " for " + enrollmentId) + ": "
                + findings.stream().map(PersonalDataFinding::describe).collect(Collectors.joining("; "))
                + ". Certificates reach the ledger, so remove these values; use role attributes and pseudonymous IDs.");
        this.enrollmentId = enrollmentId;
        this.findings = List.copyOf(findings);
    }

    /** Returns the identity concerned, or null when nothing was registered. */
    public @Nullable String enrollmentId() {
        return enrollmentId;
    }

    public List<PersonalDataFinding> findings() {
        return findings;
    }
}
