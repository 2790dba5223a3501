package de.klammer.portal.concept;

import de.klammer.portal.audit.AuditEntry;
import de.klammer.portal.audit.AuditService;
import de.klammer.portal.concept.ConceptActors.Actor;
import de.klammer.portal.concept.ConceptModel.AuthorityEntry;
import de.klammer.portal.concept.ConceptModel.Role;
import de.klammer.portal.concept.SeparationOfDuties.HeldRole;
import de.klammer.portal.concept.internal.AssignmentStore;
import de.klammer.portal.concept.internal.ConceptStore;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Assigns roles of the concept to ledger identities for a period, checking separation of duties across all
 * authorities. Assignments are checked against the current concept version, or against the draft while no version
 * has been applied yet.
 */
@Service
@Transactional
public class AssignmentService {

    private static final Logger log = LoggerFactory.getLogger(AssignmentService.class);

    private final ConceptStore concepts;
    private final AssignmentStore assignments;
    private final ConceptActors actors;
    private final AuditService audit;

    AssignmentService(ConceptStore concepts, AssignmentStore assignments, ConceptActors actors, AuditService audit) {
        this.concepts = concepts;
        this.assignments = assignments;
        this.actors = actors;
        this.audit = audit;
    }

    /**
     * Returns the separation-of-duties conflicts the assignment would cause, so that the requester sees them before
     * submitting; empty when it is allowed.
     *
     * @throws ConceptRuleViolationException when the request itself is invalid, for example names an unknown role
     */
    @PreAuthorize("hasAnyRole('AUTHORITY_ADMIN', 'BOARD_MEMBER')")
    @Transactional(readOnly = true)
    public List<SodConflict> check(AssignmentRequest request) {
        ConceptModel model = concepts.load(checkedVersion().id());
        requireValid(model, request);
        List<HeldRole> heldRoles = assignments.overlapping(request.holder(), request.validFrom(), request.validUntil())
                .stream()
                .map(existing -> new HeldRole(existing.roleCode(), existing.authorityCode()))
                .toList();
        return new SeparationOfDuties(model).conflicts(request.roleCode(), heldRoles);
    }

    /**
     * Assigns the role.
     *
     * @throws SodViolationException when the identity holds a separated role in an overlapping period, naming both
     * @throws ConceptAccessDeniedException when the user administers another authority
     * @throws ConceptRuleViolationException when the role is unknown, does not apply to the authority, or the period
     *     is invalid
     */
    @PreAuthorize("hasRole('AUTHORITY_ADMIN')")
    public UUID assign(AssignmentRequest request) {
        Actor actor = actors.current();
        if (!actor.authorityCode().equals(request.authorityCode()) && !actors.isOperatorAdmin(actor)) {
            throw new ConceptAccessDeniedException("Administrators of " + actor.authorityCode()
                    + " may assign roles for their own authority only, not for " + request.authorityCode());
        }
        List<SodConflict> conflicts = check(request);
        if (!conflicts.isEmpty()) {
            throw new SodViolationException(conflicts);
        }
        UUID id = assignments.insert(request.holder(), request.authorityCode(), request.roleCode(),
                request.validFrom(), request.validUntil(), actor.pseudonym());
        audit.record(new AuditEntry(actor.pseudonym(), actor.authorityCode(), "concept.role.assigned",
                "role-assignment", id.toString(), "Assigned role " + request.roleCode() + " for "
                        + request.authorityCode() + " to " + request.holder() + " from " + request.validFrom()
                        + " until " + (request.validUntil() == null ? "open end" : request.validUntil())));
        log.atInfo().addKeyValue("assignment", id).log("Assigned role {}", request.roleCode());
        return id;
    }

    /** Returns the assignments of a ledger identity that are valid on the day. */
    @PreAuthorize("hasAnyRole('AUTHORITY_ADMIN', 'BOARD_MEMBER', 'AUDITOR')")
    @Transactional(readOnly = true)
    public List<RoleAssignment> validOn(String holder, LocalDate day) {
        return assignments.ofHolder(holder).stream()
                .filter(assignment -> assignment.isValidOn(day))
                .toList();
    }

    /**
     * Returns the concept role under which a ledger identity of the authority is registered at its CA: the role of
     * its one assignment for that authority valid on the day, or empty when it has none. A Fabric CA identity has one
     * affiliation, so its certificate carries one role as organizational unit, and a holder of several roles needs
     * one role composed of them instead.
     *
     * @throws ConceptRuleViolationException when several roles are assigned on the day, or the role is missing from
     *     the concept or cannot be a certificate's organizational unit
     */
    @PreAuthorize("hasRole('AUTHORITY_ADMIN')")
    @Transactional(readOnly = true)
    public Optional<String> enrollmentRole(String holder, String authorityCode, LocalDate day) {
        List<String> roleCodes = assignments.ofHolder(holder).stream()
                .filter(assignment -> assignment.authorityCode().equals(authorityCode) && assignment.isValidOn(day))
                .map(RoleAssignment::roleCode)
                .distinct()
                .sorted()
                .toList();
        if (roleCodes.isEmpty()) {
            return Optional.empty();
        }
        if (roleCodes.size() > 1) {
            throw new ConceptRuleViolationException("Ledger identity " + holder + " has the roles " + roleCodes
                    + " for " + authorityCode + " on " + day + ", but its certificate can carry only one role."
                    + " End all but one assignment, or assign one role composed of these roles.");
        }
        String roleCode = roleCodes.getFirst();
        ConceptModel model = concepts.load(checkedVersion().id());
        if (model.roles().stream().noneMatch(role -> role.code().equals(roleCode))) {
            throw new ConceptRuleViolationException("Ledger identity " + holder + " is assigned the role " + roleCode
                    + ", which the concept no longer contains. End that assignment or assign a current role.");
        }
        return Optional.of(RoleCodes.requireCertificateCode(roleCode));
    }

    private ConceptVersion checkedVersion() {
        return concepts.newestApplied()
                .or(concepts::draft)
                .orElseThrow(() -> new ConceptRuleViolationException("The concept has no version yet"));
    }

    private static void requireValid(ConceptModel model, AssignmentRequest request) {
        if (request.holder().isBlank()) {
            throw new ConceptRuleViolationException("The ledger identity is missing; enter its enrollment ID");
        }
        if (request.validUntil() != null && request.validUntil().isBefore(request.validFrom())) {
            throw new ConceptRuleViolationException("The assignment ends on " + request.validUntil()
                    + ", before it starts on " + request.validFrom() + "; choose a later end");
        }
        Role role = model.roles().stream()
                .filter(candidate -> candidate.code().equals(request.roleCode()))
                .findFirst()
                .orElseThrow(() -> new ConceptRuleViolationException("Role " + request.roleCode()
                        + " does not exist in the concept"));
        AuthorityEntry authority = model.authorities().stream()
                .filter(candidate -> candidate.code().equals(request.authorityCode()))
                .findFirst()
                .orElseThrow(() -> new ConceptRuleViolationException("Authority " + request.authorityCode()
                        + " does not exist"));
        if (!role.appliesTo(authority)) {
            throw new ConceptRuleViolationException("Role " + role.code() + " does not apply to " + authority.code()
                    + " (type " + authority.type() + "); choose a role of that authority or its type");
        }
    }
}
