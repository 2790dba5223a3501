/**
 * Sign-in through each authority's OpenID Connect provider, and the mapping of issuer and roles claim to the
 * portal's authorities and roles.
 */
@NullMarked
package de.klammer.portal.security;

import org.jspecify.annotations.NullMarked;
