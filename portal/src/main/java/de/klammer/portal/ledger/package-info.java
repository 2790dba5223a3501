/**
 * The portal's port to the Fabric ledger: reading channel configuration, preparing, signing, evaluating and
 * submitting config updates. The implementation lives in an adapter on top of the {@code ledger-admin} module.
 */
@NullMarked
package de.klammer.portal.ledger;

import org.jspecify.annotations.NullMarked;
