package de.klammer.portal.ledger;

/**
 * A request to set one policy to a new rule.
 *
 * @param path policy path, for example {@code /Channel/Application/Endorsement}
 * @param policyText new rule: implicit meta ({@code ANY Endorsement}, {@code MAJORITY Admins}) or a signature policy
 *     ({@code OutOf(1,'BamfMSP.admin','LdsMSP.admin')})
 */
public record PolicyChange(String path, String policyText) {}
