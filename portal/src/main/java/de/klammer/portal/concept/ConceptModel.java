package de.klammer.portal.concept;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One version of the role and rights concept as plain values, the input of compilation and of the rule checks.
 *
 * @param authorities the authorities the concept covers, with their MSP and type
 * @param subProcesses sub-processes in display order
 * @param statusTypes status types in display order
 * @param roles roles with their components
 * @param rights the rights matrix: which role may do what on which status type
 * @param sodRules separation-of-duties rules
 */
public record ConceptModel(
        List<AuthorityEntry> authorities,
        List<SubProcess> subProcesses,
        List<StatusType> statusTypes,
        List<Role> roles,
        Set<Right> rights,
        List<SodRule> sodRules) {

    /** Codes of catalogue entries: lower-case letters, digits and dashes, starting with a letter. */
    public static final Pattern CODE = Pattern.compile("^[a-z][a-z0-9-]*$");

    public ConceptModel {
        authorities = List.copyOf(authorities);
        subProcesses = List.copyOf(subProcesses);
        statusTypes = List.copyOf(statusTypes);
        roles = List.copyOf(roles);
        rights = Set.copyOf(rights);
        sodRules = List.copyOf(sodRules);
    }

    /**
     * An authority as the concept sees it.
     *
     * @param code authority code, for example {@code bamf}
     * @param mspId Fabric MSP ID of its organisation
     * @param type authority type code, for example {@code federal}
     */
    public record AuthorityEntry(String code, String mspId, String type) {}

    /** A sub-process of the asylum procedure, for example {@code allocation}. */
    public record SubProcess(String code, String name) {}

    /** A status type of a sub-process, for example {@code hearing-held}. */
    public record StatusType(String code, String subProcessCode, String name) {}

    /**
     * A role, defined for every authority of a type or for exactly one authority.
     *
     * @param authorityType the authority type the role applies to, or null for a role of one authority
     * @param authorityCode the one authority the role applies to, or null for a role of a type
     * @param components codes of the roles this role is composed of; their rights count as this role's rights
     */
    public record Role(
            String code,
            String name,
            @Nullable String authorityType,
            @Nullable String authorityCode,
            List<String> components) {

        public Role {
            Objects.requireNonNull(code, "code must not be null");
            components = List.copyOf(components);
            if ((authorityType == null) == (authorityCode == null)) {
                throw new ConceptRuleViolationException("Role " + code
                        + " needs exactly one scope: an authority type or one authority, not both and not none");
            }
        }

        /** Returns whether the role applies to the authority. */
        public boolean appliesTo(AuthorityEntry authority) {
            return authority.code().equals(authorityCode) || authority.type().equals(authorityType);
        }
    }

    /** One cell of the rights matrix that is granted. */
    public record Right(String roleCode, String statusTypeCode, Action action) {}

    /**
     * Two roles that one identity may not hold at the same time.
     *
     * @param subProcessCode when set, the rule applies only where both roles carry rights in this sub-process
     * @param reason why the duties must stay separate, shown to the requester
     */
    public record SodRule(String firstRole, String secondRole, @Nullable String subProcessCode, String reason) {}
}
