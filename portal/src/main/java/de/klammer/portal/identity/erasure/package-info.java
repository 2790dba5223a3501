/**
 * Erasure (GDPR Art. 17) and rectification (Art. 16) requests about ledger identities: filing, deadlines, the DPO's
 * decisions, and the execution at the Fabric CA and on the channels.
 */
@NullMarked
package de.klammer.portal.identity.erasure;

import org.jspecify.annotations.NullMarked;
