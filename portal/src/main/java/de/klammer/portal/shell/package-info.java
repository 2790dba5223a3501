/**
 * Application shell: configuration properties, database, translations, error handling and layout.
 */
@NullMarked
package de.klammer.portal.shell;

import org.jspecify.annotations.NullMarked;
