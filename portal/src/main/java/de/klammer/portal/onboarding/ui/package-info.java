/**
 * Views of the onboarding wizard and its list of drafts.
 */
@NullMarked
package de.klammer.portal.onboarding.ui;

import org.jspecify.annotations.NullMarked;
