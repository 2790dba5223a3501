package de.klammer.portal.governance;

import java.util.Objects;

/**
 * The texts a proposer writes about a proposal.
 *
 * @param title short title, the subject of the decision
 * @param rationale why the change is proposed; the reasons in the decision record
 * @param legalBasis legal basis of the decision, for example {@code Art. 6(1)(e) GDPR in conjunction with § 3 BDSG}
 * @param touchesPersonalData whether the change touches processing of personal data, which may allow a veto
 */
public record ProposalTexts(String title, String rationale, String legalBasis, boolean touchesPersonalData) {

    /** Maximum length of the title. */
    public static final int MAX_TITLE_LENGTH = 200;
    /** Maximum length of the rationale. */
    public static final int MAX_RATIONALE_LENGTH = 4000;
    /** Maximum length of the legal basis. */
    public static final int MAX_LEGAL_BASIS_LENGTH = 500;

    public ProposalTexts {
        Objects.requireNonNull(title, "title must not be null");
        Objects.requireNonNull(rationale, "rationale must not be null");
        Objects.requireNonNull(legalBasis, "legalBasis must not be null");
    }

    /**
     * Returns the texts stripped of surrounding blanks.
     *
     * @throws IllegalArgumentException naming the field when one is blank or too long
     */
    public ProposalTexts validated() {
        return new ProposalTexts(
                require("title", title, MAX_TITLE_LENGTH),
                require("rationale", rationale, MAX_RATIONALE_LENGTH),
                require("legal basis", legalBasis, MAX_LEGAL_BASIS_LENGTH),
                touchesPersonalData);
    }

    private static String require(String name, String value, int maxLength) {
        String stripped = value.strip();
        if (stripped.isEmpty()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        if (stripped.length() > maxLength) {
            throw new IllegalArgumentException(
                    name + " must have at most " + maxLength + " characters, but has " + stripped.length());
        }
        return stripped;
    }
}
