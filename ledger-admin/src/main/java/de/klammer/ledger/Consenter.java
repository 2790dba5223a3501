package de.klammer.ledger;

/** An etcdraft consenter of the ordering service. */
public record Consenter(String host, int port) {}
