package de.klammer.portal.concept;

import java.util.Locale;

/** Turns role names of other systems into concept codes. */
final class RoleCodes {

    private RoleCodes() {}

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
