/**
 * Main layout, sign-in page and the pages shown when access is not granted.
 */
@NullMarked
package de.klammer.portal.shell.ui;

import org.jspecify.annotations.NullMarked;
