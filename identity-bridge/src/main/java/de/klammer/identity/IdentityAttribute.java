package de.klammer.identity;

/**
 * An attribute of a registered identity as the CA stores it, including the {@code hf.*} attributes.
 *
 * @param ecert whether enrollment certificates carry it without an explicit attribute request
 */
public record IdentityAttribute(String name, String value, boolean ecert) {}
