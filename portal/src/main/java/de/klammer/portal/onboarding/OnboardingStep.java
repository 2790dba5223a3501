package de.klammer.portal.onboarding;

import java.util.Arrays;
import java.util.Locale;

/** Steps of the onboarding wizard, in the order the administrator goes through them. */
public enum OnboardingStep {
    /** Name, authority type, MSP ID and code. */
    IDENTITY,
    /** OIDC issuer and the portal's client registration at it. */
    IDENTITY_PROVIDER,
    /** Fabric CA address, TLS root, registrar and affiliation. */
    CERTIFICATE_AUTHORITY,
    /** Upload of the MSP definition. */
    MSP_DEFINITION,
    /** Validation findings of the MSP definition and the portal's own checks. */
    VALIDATION,
    /** Review and submission as a governance proposal. */
    REVIEW;

    /** Returns the value stored in the database, for example {@code identity-provider}. */
    public String databaseValue() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Returns the step for a database value. */
    public static OnboardingStep fromDatabaseValue(String value) {
        return Arrays.stream(values())
                .filter(step -> step.databaseValue().equals(value))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown onboarding step: " + value));
    }

    /** Returns the later of this step and {@code other}. */
    public OnboardingStep atLeast(OnboardingStep other) {
        return ordinal() >= other.ordinal() ? this : other;
    }

    /** Returns the step after this one, or this one when it is the last. */
    public OnboardingStep next() {
        return this == REVIEW ? REVIEW : values()[ordinal() + 1];
    }
}
