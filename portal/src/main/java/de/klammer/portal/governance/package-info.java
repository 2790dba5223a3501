/**
 * Governance of channel-configuration changes: proposals, approvals that become authority signatures, and
 * the submission of approved updates to the ordering service.
 */
@NullMarked
package de.klammer.portal.governance;

import org.jspecify.annotations.NullMarked;
