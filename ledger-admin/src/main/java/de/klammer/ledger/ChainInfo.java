package de.klammer.ledger;

/**
 * A peer's view of a channel's chain, as qscc GetChainInfo returns it.
 *
 * @param height number of blocks the peer has committed
 * @param currentBlockHash lower-case hex hash of the newest block header
 * @param previousBlockHash lower-case hex hash of the block header before it
 */
public record ChainInfo(long height, String currentBlockHash, String previousBlockHash) {}
