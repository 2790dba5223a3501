/**
 * Read-only JSON endpoint for the rights matrix screen. The load test drives the portal's server side through it.
 */
@NullMarked
package de.klammer.portal.concept.api;

import org.jspecify.annotations.NullMarked;
