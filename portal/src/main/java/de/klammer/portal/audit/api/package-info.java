/**
 * JSON endpoint that verifies the audit trail's hash chain, as the audit trail screen does on request.
 */
@NullMarked
package de.klammer.portal.audit.api;

import org.jspecify.annotations.NullMarked;
