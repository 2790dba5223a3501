/** Protobuf mapping, policy evaluation and the gRPC orderer client behind the ledger API. */
@NullMarked
package de.klammer.ledger.internal;

import org.jspecify.annotations.NullMarked;
