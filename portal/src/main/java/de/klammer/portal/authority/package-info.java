/**
 * Participating authorities (Fabric organisations) and their pseudonymous board members.
 */
@NullMarked
package de.klammer.portal.authority;

import org.jspecify.annotations.NullMarked;
