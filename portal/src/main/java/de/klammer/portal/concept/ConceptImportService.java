package de.klammer.portal.concept;

import de.klammer.portal.audit.AuditEntry;
import de.klammer.portal.audit.AuditService;
import de.klammer.portal.concept.ConceptActors.Actor;
import de.klammer.portal.concept.ConceptModel.Role;
import de.klammer.portal.concept.ConceptModel.StatusType;
import de.klammer.portal.concept.RoleCatalogue.ImportedRole;
import de.klammer.portal.concept.internal.ConceptStore;
import java.io.InputStream;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports role catalogues from a Keycloak realm export or CSV into the draft. Either every role is imported or none.
 * The services store and log only role codes, names and counts, never the content of the file.
 */
@Service
@Transactional
public class ConceptImportService {

    private static final Logger log = LoggerFactory.getLogger(ConceptImportService.class);

    private final ConceptStore store;
    private final ConceptService concept;
    private final ConceptActors actors;
    private final AuditService audit;

    ConceptImportService(ConceptStore store, ConceptService concept, ConceptActors actors, AuditService audit) {
        this.store = store;
        this.concept = concept;
        this.actors = actors;
        this.audit = audit;
    }

    /**
     * Imports the realm and client roles of a Keycloak realm export with their composites.
     *
     * @param authorityType the authority type every imported role applies to, or null when {@code authorityCode} is
     *     set
     * @param authorityCode the one authority every imported role applies to, or null
     * @throws RoleImportException when the export has problems or a role already exists in the draft
     */
    @PreAuthorize("hasAnyRole('BOARD_MEMBER', 'AUTHORITY_ADMIN')")
    public ImportResult importKeycloak(
            InputStream export, @Nullable String authorityType, @Nullable String authorityCode) {
        return importCatalogue(KeycloakRealmImport.parse(export), authorityType, authorityCode);
    }

    /**
     * Imports roles with their components and rights from CSV.
     *
     * @throws RoleImportException when a row has problems, each named by its line
     */
    @PreAuthorize("hasAnyRole('BOARD_MEMBER', 'AUTHORITY_ADMIN')")
    public ImportResult importCsv(Reader csv, @Nullable String authorityType, @Nullable String authorityCode) {
        actors.requireCatalogueEditor();
        ConceptModel model = store.load(concept.openDraft().id());
        Set<String> roles = model.roles().stream().map(Role::code).collect(Collectors.toSet());
        Set<String> statusTypes = model.statusTypes().stream().map(StatusType::code).collect(Collectors.toSet());
        return importCatalogue(CsvRoleImport.parse(csv, roles, statusTypes), authorityType, authorityCode);
    }

    private ImportResult importCatalogue(
            RoleCatalogue catalogue, @Nullable String authorityType, @Nullable String authorityCode) {
        Actor actor = actors.requireCatalogueEditor();
        ConceptVersion draft = concept.editableDraft();
        ConceptModel model = store.load(draft.id());
        List<String> problems = new ArrayList<>();
        List<Role> roles = new ArrayList<>(model.roles());
        Set<String> existing = model.roles().stream().map(Role::code).collect(Collectors.toSet());
        List<Role> imported = new ArrayList<>();
        for (ImportedRole role : catalogue.roles()) {
            if (existing.contains(role.code())) {
                problems.add("Role " + role.origin() + " becomes code " + role.code()
                        + ", which the draft already has; rename or remove one of them");
                continue;
            }
            if (role.code().length() > RoleCodes.MAX_CERTIFICATE_CODE_LENGTH) {
                problems.add("Role " + role.origin() + " becomes code " + role.code() + " with " + role.code().length()
                        + " characters, but certificates carry it as an organizational unit of at most "
                        + RoleCodes.MAX_CERTIFICATE_CODE_LENGTH + "; shorten the role name");
                continue;
            }
            Role converted = new Role(role.code(), role.name(), authorityType, authorityCode, role.components());
            imported.add(converted);
            roles.add(converted);
        }
        if (!problems.isEmpty()) {
            throw new RoleImportException(problems);
        }
        RoleGraph.of(roles);
        imported.forEach(role -> requireScopeKnown(model, role));
        imported.forEach(role -> store.saveRole(draft.id(), role, catalogue.source()));
        imported.forEach(role -> store.insertComponents(draft.id(), role));
        catalogue.roles().forEach(role -> role.rights().forEach(right -> store.setRight(draft.id(), right, true)));

        List<String> codes = imported.stream().map(Role::code).toList();
        audit.record(new AuditEntry(actor.pseudonym(), actor.authorityCode(), "concept.roles.imported",
                "concept-version", draft.id().toString(), "Imported " + codes.size() + " roles from "
                        + catalogue.source() + ": " + String.join(", ", codes)));
        log.atInfo()
                .addKeyValue("version", draft.number())
                .log("Imported {} roles from {} into draft {}", codes.size(), catalogue.source(), draft.number());
        return new ImportResult(catalogue.source(), codes, catalogue.skippedReferences());
    }

    private void requireScopeKnown(ConceptModel model, Role role) {
        if (role.authorityType() != null && !store.authorityTypes().contains(role.authorityType())) {
            throw new RoleImportException(List.of("Authority type " + role.authorityType() + " does not exist"));
        }
        if (role.authorityCode() != null
                && model.authorities().stream().noneMatch(a -> a.code().equals(role.authorityCode()))) {
            throw new RoleImportException(List.of("Authority " + role.authorityCode() + " does not exist"));
        }
    }
}
