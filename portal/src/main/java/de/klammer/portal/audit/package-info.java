/**
 * Append-only audit trail of every governance and ledger step; actors appear as pseudonyms only.
 */
@NullMarked
package de.klammer.portal.audit;

import org.jspecify.annotations.NullMarked;
