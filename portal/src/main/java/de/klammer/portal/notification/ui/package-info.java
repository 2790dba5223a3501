/**
 * Views of the notifications: the inbox and the e-mail settings.
 */
@NullMarked
package de.klammer.portal.notification.ui;

import org.jspecify.annotations.NullMarked;
