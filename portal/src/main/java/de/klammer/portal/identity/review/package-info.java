/**
 * Access reviews of ledger identities: campaigns per authority in which its administrators confirm or withdraw the
 * roles of each enrolled identity. A withdrawal files an erasure request, whose execution revokes the identity.
 */
@NullMarked
package de.klammer.portal.identity.review;

import org.jspecify.annotations.NullMarked;
