package de.klammer.portal.concept;

import java.util.Locale;

/** Turns role names of other systems into concept codes and checks codes for use in certificates. */
public final class RoleCodes {

    /**
     * Maximum length of a role code. Fabric CA writes the code as an organizational unit into certificates, and
     * RFC 5280 bounds that attribute at 64 characters ({@code ub-organizational-unit-name}).
     */
    public static final int MAX_CERTIFICATE_CODE_LENGTH = 64;

    private RoleCodes() {}

    /**
     * Checks that a role code can be one component of a Fabric CA affiliation and an organizational unit: a concept
     * code, which contains no dot, of at most {@value #MAX_CERTIFICATE_CODE_LENGTH} characters.
     *
     * @throws ConceptRuleViolationException naming the code and the fix otherwise
     */
    public static String requireCertificateCode(String code) {
        if (!ConceptModel.CODE.matcher(code).matches()) {
            throw new ConceptRuleViolationException("Role code '" + code + "' cannot be an affiliation component:"
                    + " use lower-case letters, digits and dashes, starting with a letter, for example decision-officer");
        }
        if (code.length() > MAX_CERTIFICATE_CODE_LENGTH) {
            throw new ConceptRuleViolationException("Role code '" + code + "' has " + code.length() + " characters,"
                    + " but certificates carry it as an organizational unit of at most " + MAX_CERTIFICATE_CODE_LENGTH
                    + "; choose a shorter code");
        }
        return code;
    }

    /**
     * Returns a code of lower-case letters, digits and dashes: other characters become dashes, and a code that does
     * not start with a letter gets the prefix {@code r-}. For example {@code offline_access} becomes
     * {@code offline-access}.
     */
    static String slug(String name) {
        String slug = name.toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        if (slug.isEmpty() || !Character.isLetter(slug.charAt(0))) {
            slug = "r-" + slug;
        }
        return slug;
    }
}
