/**
 * Notifications of board members about governance events: an in-app inbox and e-mail to an address the member chose.
 */
@NullMarked
package de.klammer.portal.notification;

import org.jspecify.annotations.NullMarked;
