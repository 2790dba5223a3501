/** Persistence of the identity lifecycle. */
@NullMarked
package de.klammer.portal.identity.internal;

import org.jspecify.annotations.NullMarked;
