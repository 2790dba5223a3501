/**
 * Identity lifecycle at each authority's Fabric CA: registration, enrolment, revocation and CRLs, the guard that
 * keeps personal data out of certificates, and the encrypted identity vault.
 */
@NullMarked
package de.klammer.identity;

import org.jspecify.annotations.NullMarked;
