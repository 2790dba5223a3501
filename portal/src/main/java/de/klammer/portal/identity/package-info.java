/**
 * Ledger identities of clerks and technical systems: enrolment at each authority's Fabric CA, the identity vault,
 * deletion and correction requests.
 */
@NullMarked
package de.klammer.portal.identity;

import org.jspecify.annotations.NullMarked;
