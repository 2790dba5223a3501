/**
 * Read-only JSON endpoint for the channel overview. The load test drives the portal's server side through it.
 */
@NullMarked
package de.klammer.portal.ledger.api;

import org.jspecify.annotations.NullMarked;
