/**
 * Persistence of authorities and board members, and the startup sync of authorities from configuration.
 */
@NullMarked
package de.klammer.portal.authority.internal;

import org.jspecify.annotations.NullMarked;
