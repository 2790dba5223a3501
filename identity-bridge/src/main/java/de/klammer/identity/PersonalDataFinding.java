package de.klammer.identity;

/**
 * Personal data found in a certificate request or certificate.
 *
 * @param field where, for example {@code subject O} or {@code attribute klammer.role}
 * @param kind what kind of value was found
 * @param maskedValue the field value with all but its first character replaced by {@code *}
 */
public record PersonalDataFinding(String field, Kind kind, String maskedValue) {

    /** Kinds of personal data the guard recognizes. */
    public enum Kind {
        EMAIL_ADDRESS("an e-mail address"),
        GIVEN_NAME("the given name"),
        FAMILY_NAME("the family name"),
        KNOWN_EMAIL("the person's e-mail address or its local part"),
        OIDC_SUBJECT("the OIDC subject");

        private final String description;

        Kind(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    /** Describes the finding without the personal value, e.g. "subject O contains the family name (M*****)". */
    public String describe() {
        return field + " contains " + kind.description() + " (" + maskedValue + ")";
    }
}
