package de.klammer.portal.ledger;

/**
 * Location of an applied config update on the channel.
 *
 * @param blockNumber number of the config block that carries the update
 * @param sequence config sequence after the update
 */
public record AppliedUpdate(long blockNumber, long sequence) {}
