/**
 * Persistence, encryption and delivery of notifications.
 */
@NullMarked
package de.klammer.portal.notification.internal;

import org.jspecify.annotations.NullMarked;
