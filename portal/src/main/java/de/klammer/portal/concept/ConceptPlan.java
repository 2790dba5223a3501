package de.klammer.portal.concept;

import de.klammer.portal.concept.CompiledConcept.RoleEnrollment;
import de.klammer.portal.ledger.PreparedUpdate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What applying a concept version would change on the live channel.
 *
 * @param channel the channel compared against
 * @param baseSequence config sequence of the live channel the plan was computed against
 * @param changes every change in plain words, policies first, then ACLs
 * @param unchangedElements how many compiled policies and ACLs the channel already has as planned
 * @param leftOnChannel concept policies on the channel that the version no longer has. They stay, because ledger-admin
 *     can set policies but not remove them
 * @param uncoveredAuthorities authorities with rights whose MSP is not on the channel
 * @param enrollments per role, the OU and CA attributes an identity with that role receives
 * @param update the config update with write set and signature requirement, or null when nothing changes
 */
public record ConceptPlan(
        UUID versionId,
        int versionNumber,
        String channel,
        long baseSequence,
        List<String> changes,
        int unchangedElements,
        List<String> leftOnChannel,
        List<String> uncoveredAuthorities,
        List<RoleEnrollment> enrollments,
        @Nullable PreparedUpdate update) {

    public ConceptPlan {
        changes = List.copyOf(changes);
        leftOnChannel = List.copyOf(leftOnChannel);
        uncoveredAuthorities = List.copyOf(uncoveredAuthorities);
        enrollments = List.copyOf(enrollments);
    }

    /** Returns whether the live channel already enforces this version. */
    public boolean isUpToDate() {
        return update == null;
    }
}
