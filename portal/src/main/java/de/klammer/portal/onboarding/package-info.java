/**
 * Onboarding of a new authority: a wizard whose steps are saved as a draft, checks of the authority's identity
 * provider, Fabric CA and MSP definition, and the governance proposal that adds its organisation to the channel.
 */
@NullMarked
package de.klammer.portal.onboarding;

import org.jspecify.annotations.NullMarked;
