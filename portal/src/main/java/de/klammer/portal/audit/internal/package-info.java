/**
 * Persistence of audit events.
 */
@NullMarked
package de.klammer.portal.audit.internal;

import org.jspecify.annotations.NullMarked;
