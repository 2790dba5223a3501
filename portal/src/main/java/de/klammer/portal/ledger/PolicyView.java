package de.klammer.portal.ledger;

/**
 * One policy of a channel config.
 *
 * @param path policy path, for example {@code /Channel/Application/Endorsement}
 * @param kind {@code ImplicitMeta} or {@code Signature}
 * @param text rule in plain words, for example {@code MAJORITY of Admins} or {@code 1 of {BamfMSP.peer}}
 * @param modPolicy the policy that must be satisfied to change this one
 * @param version config version of the policy
 */
public record PolicyView(String path, String kind, String text, String modPolicy, long version) {}
