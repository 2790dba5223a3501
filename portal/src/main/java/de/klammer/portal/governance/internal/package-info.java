/**
 * Persistence and the ledger submitter of the governance feature; other features use {@code governance} only.
 */
@NullMarked
package de.klammer.portal.governance.internal;

import org.jspecify.annotations.NullMarked;
