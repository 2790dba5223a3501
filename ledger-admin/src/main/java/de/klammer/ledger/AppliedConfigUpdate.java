package de.klammer.ledger;

/** The config block an update landed in, with the resulting config sequence. */
public record AppliedConfigUpdate(long blockNumber, long sequence) {}
