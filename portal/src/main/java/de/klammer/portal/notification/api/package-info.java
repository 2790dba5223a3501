/**
 * Read-only JSON endpoint for the notification inbox. The load test drives the portal's server side through it.
 */
@NullMarked
package de.klammer.portal.notification.api;

import org.jspecify.annotations.NullMarked;
