package de.klammer.ledger;

/**
 * One result of validating an imported MSP definition.
 *
 * @param severity {@link Severity#ERROR} blocks adding the organisation, {@link Severity#WARNING} does not
 * @param location the file inside the MSP folder, the config.yaml field or the JSON field concerned
 * @param message what is wrong and how to fix it
 */
public record MspFinding(Severity severity, String location, String message) {

    /** The severity of a finding. */
    public enum Severity {
        ERROR,
        WARNING
    }

    /** Returns the finding as one line, for example {@code ERROR cacerts/ca.pem: ...}. */
    public String describe() {
        return severity + " " + location + ": " + message;
    }
}
