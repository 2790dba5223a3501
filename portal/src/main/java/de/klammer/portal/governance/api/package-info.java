/**
 * Read-only JSON endpoints for the proposal screens. The load test drives the portal's server side through them.
 */
@NullMarked
package de.klammer.portal.governance.api;

import org.jspecify.annotations.NullMarked;
