/**
 * Views for proposals: list, new-proposal form and details with approval.
 */
@NullMarked
package de.klammer.portal.governance.ui;

import org.jspecify.annotations.NullMarked;
