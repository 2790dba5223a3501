/**
 * Views for ledger identities: list, request form, details with approval and hand-over, and certificates with their
 * expiry.
 */
@NullMarked
package de.klammer.portal.identity.ui;

import org.jspecify.annotations.NullMarked;
