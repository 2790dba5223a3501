/**
 * Read-only JSON endpoints for the ledger identity screens. The load test drives the portal's server side through them.
 */
@NullMarked
package de.klammer.portal.identity.api;

import org.jspecify.annotations.NullMarked;
