package de.klammer.portal.onboarding;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/** Form in which an administrator uploads the MSP definition of a new authority. */
public enum MspFormat {
    /** A zip of an MSP folder with {@code cacerts/}, {@code admincerts/}, {@code tlscacerts/} and config.yaml. */
    MSP_ZIP("msp-zip"),
    /** A zip with a configtx.yaml and the MSP folder that the organisation's {@code MSPDir} names. */
    CONFIGTX_ZIP("configtx-zip"),
    /** configtxlator JSON of an organisation group. */
    CONFIGTXLATOR_JSON("configtxlator-json");

    private final String databaseValue;

    MspFormat(String databaseValue) {
        this.databaseValue = databaseValue;
    }

    public String databaseValue() {
        return databaseValue;
    }

    /** Returns the format for a database value, or null for null. */
    public static @Nullable MspFormat fromDatabaseValue(@Nullable String value) {
        if (value == null) {
            return null;
        }
        return Arrays.stream(values())
                .filter(format -> format.databaseValue.equals(value))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown MSP format: " + value));
    }
}
