package de.klammer.ledger;

/** Where an update landed: the config block number and the resulting config sequence. */
public record AppliedConfigUpdate(long blockNumber, long sequence) {}
