package de.klammer.portal.concept;

import de.klammer.ledger.ConfigChange;
import de.klammer.portal.concept.CompiledConcept.RoleEnrollment;
import de.klammer.portal.ledger.PreparedUpdate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Changes that applying a concept version would make on the live channel.
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
 * @param elements every differing policy and ACL, in the order of {@code changes}
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
        @Nullable PreparedUpdate update,
        List<ElementDifference> elements) {

    public ConceptPlan {
        changes = List.copyOf(changes);
        leftOnChannel = List.copyOf(leftOnChannel);
        uncoveredAuthorities = List.copyOf(uncoveredAuthorities);
        enrollments = List.copyOf(enrollments);
        elements = List.copyOf(elements);
    }

    /** Returns whether the live channel already enforces this version. */
    public boolean isUpToDate() {
        return update == null;
    }

    /** Returns the config changes that make the channel enforce this version, policies first, then ACLs. */
    public List<ConfigChange> configChanges() {
        return elements.stream().map(ElementDifference::change).toList();
    }

    /**
     * One policy or ACL whose live value differs from the compiled one.
     *
     * @param path the policy path, or {@code acl:<resource>} for an ACL
     * @param expected the compiled value: a policy rule in text form or the absolute path of a policy
     * @param found the live value, or null when the channel has no such policy or ACL
     * @param change the config change that sets the compiled value
     */
    public record ElementDifference(String path, String expected, @Nullable String found, ConfigChange change) {}
}
