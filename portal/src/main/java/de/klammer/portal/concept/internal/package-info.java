/** Persistence of the concept feature; other features use {@code concept} only. */
@NullMarked
package de.klammer.portal.concept.internal;

import org.jspecify.annotations.NullMarked;
