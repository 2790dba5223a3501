/** Persistence of erasure and rectification requests: entities and repositories. */
@NullMarked
package de.klammer.portal.identity.erasure.internal;

import org.jspecify.annotations.NullMarked;
