/** Views of access reviews. */
@NullMarked
package de.klammer.portal.identity.review.ui;

import org.jspecify.annotations.NullMarked;
