/**
 * Persistence of offboardings, one row per organisation-removal proposal.
 */
@NullMarked
package de.klammer.portal.offboarding.internal;

import org.jspecify.annotations.NullMarked;
