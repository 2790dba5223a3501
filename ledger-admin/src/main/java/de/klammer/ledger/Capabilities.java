package de.klammer.ledger;

import java.util.Set;

/** Capability names switched on at channel, orderer and application level. */
public record Capabilities(Set<String> channel, Set<String> orderer, Set<String> application) {}
