package de.klammer.portal.concept;

import de.klammer.portal.audit.AuditEntry;
import de.klammer.portal.audit.AuditService;
import de.klammer.portal.concept.ConceptActors.Actor;
import de.klammer.portal.concept.ConceptModel.AuthorityEntry;
import de.klammer.portal.concept.ConceptModel.Right;
import de.klammer.portal.concept.ConceptModel.Role;
import de.klammer.portal.concept.ConceptModel.SodRule;
import de.klammer.portal.concept.ConceptModel.StatusType;
import de.klammer.portal.concept.ConceptModel.SubProcess;
import de.klammer.portal.concept.internal.ConceptStore;
import de.klammer.portal.governance.ProposalService;
import de.klammer.portal.governance.ProposalSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the versioned role and rights concept: the catalogue, roles, the rights matrix and separation-of-duties
 * rules. Changes go into the open draft, which is opened as a copy of the current version when there is none.
 */
@Service
@Transactional
public class ConceptService {

    private static final Logger log = LoggerFactory.getLogger(ConceptService.class);

    private final ConceptStore store;
    private final ConceptActors actors;
    private final AuditService audit;
    private final ProposalService proposals;

    ConceptService(ConceptStore store, ConceptActors actors, AuditService audit, ProposalService proposals) {
        this.store = store;
        this.proposals = proposals;
        this.actors = actors;
        this.audit = audit;
    }

    /** Returns every version, newest first. */
    @PreAuthorize("hasAnyRole('BOARD_MEMBER', 'AUTHORITY_ADMIN', 'DPO', 'AUDITOR')")
    @Transactional(readOnly = true)
    public List<ConceptVersion> versions() {
        return store.versions();
    }

    /** Returns the current concept: the newest applied version. */
    @PreAuthorize("hasAnyRole('BOARD_MEMBER', 'AUTHORITY_ADMIN', 'DPO', 'AUDITOR')")
    @Transactional(readOnly = true)
    public Optional<ConceptVersion> current() {
        return store.newestApplied();
    }

    /** Returns the open draft. */
    @PreAuthorize("hasAnyRole('BOARD_MEMBER', 'AUTHORITY_ADMIN', 'DPO', 'AUDITOR')")
    @Transactional(readOnly = true)
    public Optional<ConceptVersion> draft() {
        return store.draft();
    }

    /**
     * Returns the version that editors work on: the draft when one is open, otherwise the current version.
     *
     * @throws ConceptRuleViolationException when there is no version at all
     */
    @PreAuthorize("hasAnyRole('BOARD_MEMBER', 'AUTHORITY_ADMIN', 'DPO', 'AUDITOR')")
    @Transactional(readOnly = true)
    public ConceptVersion workingVersion() {
        return store.draft()
                .or(store::newestApplied)
                .orElseThrow(() -> new ConceptRuleViolationException("The concept has no version yet"));
    }

    /**
     * Loads a version as plain values.
     *
     * @throws ConceptRuleViolationException when the version does not exist
     */
    @PreAuthorize("hasAnyRole('BOARD_MEMBER', 'AUTHORITY_ADMIN', 'DPO', 'AUDITOR')")
    @Transactional(readOnly = true)
    public ConceptModel model(UUID versionId) {
        requireVersion(versionId);
        return store.load(versionId);
    }

    /** Returns the authority type codes. */
    @PreAuthorize("hasAnyRole('BOARD_MEMBER', 'AUTHORITY_ADMIN', 'DPO', 'AUDITOR')")
    @Transactional(readOnly = true)
    public List<String> authorityTypes() {
        return store.authorityTypes();
    }

    /** Returns one page of the rights matrix of a version. */
    @PreAuthorize("hasAnyRole('BOARD_MEMBER', 'AUTHORITY_ADMIN', 'DPO', 'AUDITOR')")
    @Transactional(readOnly = true)
    public List<MatrixRow> matrix(UUID versionId, MatrixFilter filter, int offset, int limit) {
        return store.matrix(versionId, filter, offset, limit);
    }

    /** Counts the matrix rows that the filter keeps. */
    @PreAuthorize("hasAnyRole('BOARD_MEMBER', 'AUTHORITY_ADMIN', 'DPO', 'AUDITOR')")
    @Transactional(readOnly = true)
    public int countMatrix(UUID versionId, MatrixFilter filter) {
        return store.countMatrix(versionId, filter);
    }

    /** Returns the open draft, opening one as a copy of the current version when none is open. */
    @PreAuthorize("hasAnyRole('BOARD_MEMBER', 'AUTHORITY_ADMIN')")
    public ConceptVersion openDraft() {
        Actor actor = actors.requireCatalogueEditor();
        return openDraft(actor);
    }

    /**
     * Adds a sub-process to the draft.
     *
     * @throws ConceptRuleViolationException when the code is invalid or already used
     */
    @PreAuthorize("hasAnyRole('BOARD_MEMBER', 'AUTHORITY_ADMIN')")
    public void addSubProcess(SubProcess subProcess) {
        Actor actor = actors.requireCatalogueEditor();
        ConceptVersion draft = editableDraft(actor);
        ConceptModel model = store.load(draft.id());
        requireCode("sub-process", subProcess.code());
        requireName(subProcess.code(), subProcess.name());
        if (model.subProcesses().stream().anyMatch(existing -> existing.code().equals(subProcess.code()))) {
            throw new ConceptRuleViolationException("Sub-process " + subProcess.code() + " already exists");
        }
        store.insertSubProcess(draft.id(), subProcess);
        record(actor, draft, "concept.sub-process.added", subProcess.code());
    }

    /**
     * Adds a status type to a sub-process of the draft.
     *
     * @throws ConceptRuleViolationException when the code is invalid or used, or the sub-process is unknown
     */
    @PreAuthorize("hasAnyRole('BOARD_MEMBER', 'AUTHORITY_ADMIN')")
    public void addStatusType(StatusType statusType) {
        Actor actor = actors.requireCatalogueEditor();
        ConceptVersion draft = editableDraft(actor);
        ConceptModel model = store.load(draft.id());
        requireCode("status type", statusType.code());
        requireName(statusType.code(), statusType.name());
        if (model.statusTypes().stream().anyMatch(existing -> existing.code().equals(statusType.code()))) {
            throw new ConceptRuleViolationException("Status type " + statusType.code() + " already exists");
        }
        if (model.subProcesses().stream().noneMatch(sub -> sub.code().equals(statusType.subProcessCode()))) {
            throw new ConceptRuleViolationException("Sub-process " + statusType.subProcessCode()
                    + " does not exist; add it first or choose one of " + codes(model.subProcesses()));
        }
        store.insertStatusType(draft.id(), statusType);
        record(actor, draft, "concept.status-type.added", statusType.code());
    }

    /**
     * Adds a role to the draft or replaces the one with the same code.
     *
     * @throws ConceptRuleViolationException when the code is invalid, the scope names an unknown authority or type,
     *     a component is unknown, or the composition would have a cycle, which the message names
     */
    @PreAuthorize("hasAnyRole('BOARD_MEMBER', 'AUTHORITY_ADMIN')")
    public void saveRole(Role role) {
        Actor actor = actors.requireCatalogueEditor();
        ConceptVersion draft = editableDraft(actor);
        ConceptModel model = store.load(draft.id());
        requireCode("role", role.code());
        RoleCodes.requireCertificateCode(role.code());
        requireName(role.code(), role.name());
        requireScope(model, role);
        List<Role> roles = new ArrayList<>(model.roles().stream()
                .filter(existing -> !existing.code().equals(role.code()))
                .toList());
        roles.add(role);
        RoleGraph.of(roles);
        store.saveRole(draft.id(), role, "portal");
        store.insertComponents(draft.id(), role);
        record(actor, draft, "concept.role.saved", role.code());
    }

    /**
     * Grants or revokes one right in the draft.
     *
     * @throws ConceptRuleViolationException when the role or status type does not exist in the draft
     */
    @PreAuthorize("hasAnyRole('BOARD_MEMBER', 'AUTHORITY_ADMIN')")
    public void setRight(Right right, boolean granted) {
        Actor actor = actors.requireCatalogueEditor();
        ConceptVersion draft = editableDraft(actor);
        ConceptModel model = store.load(draft.id());
        if (model.roles().stream().noneMatch(role -> role.code().equals(right.roleCode()))) {
            throw new ConceptRuleViolationException("Role " + right.roleCode() + " does not exist in the draft");
        }
        if (model.statusTypes().stream().noneMatch(type -> type.code().equals(right.statusTypeCode()))) {
            throw new ConceptRuleViolationException(
                    "Status type " + right.statusTypeCode() + " does not exist in the draft");
        }
        store.setRight(draft.id(), right, granted);
        String action = granted ? "concept.right.granted" : "concept.right.revoked";
        record(actor, draft, action,
                right.roleCode() + " " + right.action().code() + " " + right.statusTypeCode());
    }

    /**
     * Adds a separation-of-duties rule to the draft.
     *
     * @throws ConceptRuleViolationException when a role or the sub-process is unknown, both roles are the same, or
     *     the pair already has a rule
     */
    @PreAuthorize("hasAnyRole('BOARD_MEMBER', 'AUTHORITY_ADMIN')")
    public void addSodRule(SodRule rule) {
        Actor actor = actors.requireCatalogueEditor();
        ConceptVersion draft = editableDraft(actor);
        ConceptModel model = store.load(draft.id());
        SodRule ordered = ConceptRules.orderedSodRule(model, rule);
        store.insertSodRule(draft.id(), ordered);
        record(actor, draft, "concept.sod-rule.added", ordered.firstRole() + " / " + ordered.secondRole());
    }

    /**
     * Adds an authority type.
     *
     * @throws ConceptRuleViolationException when the code is invalid or exists
     */
    @PreAuthorize("hasAnyRole('BOARD_MEMBER', 'AUTHORITY_ADMIN')")
    public void addAuthorityType(String code) {
        Actor actor = actors.requireCatalogueEditor();
        requireCode("authority type", code);
        if (store.authorityTypes().contains(code)) {
            throw new ConceptRuleViolationException("Authority type " + code + " already exists");
        }
        store.insertAuthorityType(code);
        audit.record(new AuditEntry(actor.pseudonym(), actor.authorityCode(), "concept.authority-type.added",
                "authority-type", code, "Added authority type " + code));
    }

    /**
     * Sets the type of an authority.
     *
     * @throws ConceptRuleViolationException when the authority or the type does not exist
     */
    @PreAuthorize("hasAnyRole('BOARD_MEMBER', 'AUTHORITY_ADMIN')")
    public void setAuthorityType(String authorityCode, String type) {
        Actor actor = actors.requireCatalogueEditor();
        if (!store.authorityTypes().contains(type)) {
            throw new ConceptRuleViolationException("Authority type " + type + " does not exist; choose one of "
                    + store.authorityTypes());
        }
        if (store.updateAuthorityType(authorityCode, type) == 0) {
            throw new ConceptRuleViolationException("Authority " + authorityCode + " does not exist");
        }
        audit.record(new AuditEntry(actor.pseudonym(), actor.authorityCode(), "concept.authority-type.set",
                "authority", authorityCode, "Set type of " + authorityCode + " to " + type));
    }

    /**
     * Returns the open draft for a change, opening one when none is open.
     *
     * @throws ConceptRuleViolationException while a proposal to apply the draft is undecided, because the board votes
     *     on the draft as it was proposed
     */
    @PreAuthorize("hasAnyRole('BOARD_MEMBER', 'AUTHORITY_ADMIN')")
    public ConceptVersion editableDraft() {
        return editableDraft(actors.requireCatalogueEditor());
    }

    private ConceptVersion editableDraft(Actor actor) {
        ConceptVersion draft = openDraft(actor);
        Optional<ProposalSummary> proposal = store.proposalOf(draft.id()).flatMap(proposals::findSummary);
        if (proposal.isPresent() && ConceptApplyService.isUndecided(proposal.get().status())) {
            throw new ConceptRuleViolationException("Draft " + draft.number() + " is under vote in proposal "
                    + proposal.get().reference() + ", so it cannot change; wait until the proposal is decided");
        }
        return draft;
    }

    private ConceptVersion openDraft(Actor actor) {
        Optional<ConceptVersion> draft = store.draft();
        if (draft.isPresent()) {
            return draft.get();
        }
        UUID basedOn = store.newestApplied().map(ConceptVersion::id).orElse(null);
        UUID id = store.createDraft(basedOn, actor.pseudonym());
        ConceptVersion created = requireVersion(id);
        log.atInfo().addKeyValue("version", created.number()).log("Opened draft {} of the concept", created.number());
        record(actor, created, "concept.draft.opened", "based on " + (basedOn == null ? "nothing" : basedOn));
        return created;
    }

    private ConceptVersion requireVersion(UUID versionId) {
        return store.version(versionId)
                .orElseThrow(() -> new ConceptRuleViolationException("Concept version " + versionId
                        + " does not exist"));
    }

    private void requireScope(ConceptModel model, Role role) {
        if (role.authorityType() != null && !store.authorityTypes().contains(role.authorityType())) {
            throw new ConceptRuleViolationException("Role " + role.code() + " names the unknown authority type "
                    + role.authorityType() + "; choose one of " + store.authorityTypes());
        }
        if (role.authorityCode() != null
                && model.authorities().stream().map(AuthorityEntry::code).noneMatch(role.authorityCode()::equals)) {
            throw new ConceptRuleViolationException("Role " + role.code() + " names the unknown authority "
                    + role.authorityCode() + "; choose one of "
                    + model.authorities().stream().map(AuthorityEntry::code).toList());
        }
    }

    private static void requireCode(String kind, String code) {
        if (!ConceptModel.CODE.matcher(code).matches()) {
            throw new ConceptRuleViolationException("Invalid " + kind + " code '" + code + "': use lower-case letters,"
                    + " digits and dashes, starting with a letter, for example hearing-held");
        }
    }

    private static void requireName(String code, String name) {
        if (name.isBlank()) {
            throw new ConceptRuleViolationException("The name of " + code + " is missing; enter a name");
        }
    }

    private static List<String> codes(List<SubProcess> subProcesses) {
        return subProcesses.stream().map(SubProcess::code).toList();
    }

    private void record(Actor actor, ConceptVersion version, String action, String details) {
        audit.record(new AuditEntry(actor.pseudonym(), actor.authorityCode(), action, "concept-version",
                version.id().toString(), "Version " + version.number() + ": " + details));
    }
}
