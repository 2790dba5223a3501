/** Persistence of access reviews: campaigns, items and their repositories. */
@NullMarked
package de.klammer.portal.identity.review.internal;

import org.jspecify.annotations.NullMarked;
