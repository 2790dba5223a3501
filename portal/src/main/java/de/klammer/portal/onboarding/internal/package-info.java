/**
 * Persistence of onboarding drafts and of the authority rows that an onboarding creates and activates.
 */
@NullMarked
package de.klammer.portal.onboarding.internal;

import org.jspecify.annotations.NullMarked;
