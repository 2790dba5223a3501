/**
 * Implementation details of the identity bridge: PEM and key codecs, the Fabric CA transport with its token
 * signature, and the mapping of CA error responses. Not part of the module's API.
 */
@NullMarked
package de.klammer.identity.internal;

import org.jspecify.annotations.NullMarked;
