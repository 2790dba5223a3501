package de.klammer.portal.concept;

import de.klammer.ledger.ConfigChange;
import de.klammer.ledger.ConfigChange.SetAcl;
import de.klammer.ledger.ConfigChange.SetPolicy;
import de.klammer.ledger.PolicyRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a concept version means for the ledger and the certificate authorities.
 *
 * @param enrollments per role, the OU and CA attributes an identity with the role receives
 * @param policies the named policies under {@code /Channel/Application}, one per status type and action, then one
 *     per action over all status types
 * @param acls the peer resources and the policy each one is pointed at
 * @param uncoveredAuthorities codes of authorities that hold rights but whose MSP is not among the channel's
 *     organisations given to the compiler; their rights appear in no policy
 */
public record CompiledConcept(
        List<RoleEnrollment> enrollments,
        List<CompiledPolicy> policies,
        List<CompiledAcl> acls,
        List<String> uncoveredAuthorities) {

    public CompiledConcept {
        enrollments = List.copyOf(enrollments);
        policies = List.copyOf(policies);
        acls = List.copyOf(acls);
        uncoveredAuthorities = List.copyOf(uncoveredAuthorities);
    }

    /** Returns the config changes that make the channel enforce this concept: policies first, then ACLs. */
    public List<ConfigChange> changes() {
        List<ConfigChange> changes = new ArrayList<>();
        policies.forEach(policy -> changes.add(new SetPolicy(policy.path(), policy.rule())));
        acls.forEach(acl -> changes.add(new SetAcl(acl.resource(), acl.policyName())));
        return changes;
    }

    /**
     * The enrolment facts of one role, for the identity lifecycle at enrolment and correction.
     *
     * @param organizationalUnit the OU that certificates of identities with this role carry
     * @param attributes Fabric CA attributes, added to the enrolment certificate
     */
    public record RoleEnrollment(String roleCode, String organizationalUnit, Map<String, String> attributes) {

        public RoleEnrollment {
            attributes = Map.copyOf(attributes);
        }
    }

    /**
     * A named channel policy.
     *
     * @param name policy name under {@code /Channel/Application}, for example {@code Rights.registered.Read}
     * @param path absolute policy path
     * @param statusTypeCode the status type it guards, or null for the policy over all status types
     * @param mspIds the organisations whose members hold the right, sorted; empty when nobody holds it
     * @param rule the signature rule written to the channel
     */
    public record CompiledPolicy(
            String name,
            String path,
            @Nullable String statusTypeCode,
            Action action,
            List<String> mspIds,
            PolicyRule rule) {

        public CompiledPolicy {
            mspIds = List.copyOf(mspIds);
        }
    }

    /** A channel ACL: the peer resource and the name of the policy under {@code /Channel/Application}. */
    public record CompiledAcl(String resource, String policyName) {}
}
