package de.klammer.portal.authority;

import java.util.UUID;

/**
 * A governance board member, known to the portal only by pseudonym.
 *
 * @param id database id
 * @param authorityId id of the member's authority
 * @param pseudonym random pseudonym such as {@code bm-3f9a0c1d2e4b}, shown in place of the person
 */
public record BoardMember(UUID id, UUID authorityId, String pseudonym) {}
