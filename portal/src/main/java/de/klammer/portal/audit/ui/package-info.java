/**
 * Views of the audit trail: verifying its hash chain.
 */
@NullMarked
package de.klammer.portal.audit.ui;

import org.jspecify.annotations.NullMarked;
