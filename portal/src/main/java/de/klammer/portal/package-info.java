/**
 * Klammer's governance portal: board members of the participating authorities propose, approve and apply
 * changes to the channel configuration of a shared Hyperledger Fabric network.
 */
@NullMarked
package de.klammer.portal;

import org.jspecify.annotations.NullMarked;
