/**
 * Offboarding of an authority: a preview of what the remaining authorities could no longer satisfy, and a proposal
 * that removes the organisation from the channel. Once the removal is applied, the authority is archived and its
 * ledger identities are revoked.
 */
@NullMarked
package de.klammer.portal.offboarding;

import org.jspecify.annotations.NullMarked;
