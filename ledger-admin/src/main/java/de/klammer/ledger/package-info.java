/**
 * Fabric channel configuration as data: decodes config blocks into a typed model, applies typed changes,
 * computes config updates, derives and evaluates the signatures they need, signs, submits and confirms them.
 *
 * <p>Nothing in this package exposes Fabric protobuf types; the portal works with these records only.
 */
@NullMarked
package de.klammer.ledger;

import org.jspecify.annotations.NullMarked;
