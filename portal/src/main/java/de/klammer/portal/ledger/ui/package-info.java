/**
 * Views of the live channel configuration.
 */
@NullMarked
package de.klammer.portal.ledger.ui;

import org.jspecify.annotations.NullMarked;
