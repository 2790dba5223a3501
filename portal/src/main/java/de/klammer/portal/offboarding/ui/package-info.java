/**
 * The offboarding view and its navigation entry.
 */
@NullMarked
package de.klammer.portal.offboarding.ui;

import org.jspecify.annotations.NullMarked;
