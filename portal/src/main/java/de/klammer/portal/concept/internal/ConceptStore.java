package de.klammer.portal.concept.internal;

import de.klammer.portal.concept.Action;
import de.klammer.portal.concept.ConceptModel;
import de.klammer.portal.concept.ConceptModel.AuthorityEntry;
import de.klammer.portal.concept.ConceptModel.Right;
import de.klammer.portal.concept.ConceptModel.Role;
import de.klammer.portal.concept.ConceptModel.SodRule;
import de.klammer.portal.concept.ConceptModel.StatusType;
import de.klammer.portal.concept.ConceptModel.SubProcess;
import de.klammer.portal.concept.ConceptVersion;
import de.klammer.portal.concept.MatrixFilter;
import de.klammer.portal.concept.MatrixRow;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads and writes concept versions and their catalogue rows. Plain SQL, because the matrix is a cross product that
 * is filtered and paged in the database.
 */
@Repository
public class ConceptStore {

    private static final String VERSION_COLUMNS =
            "id, number, status, based_on, decision_reference, created_by, created_at, applied_at";

    private final JdbcClient jdbc;

    ConceptStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Returns the newest applied version, the current concept. */
    public Optional<ConceptVersion> newestApplied() {
        return jdbc.sql("select " + VERSION_COLUMNS
                        + " from concept_version where status = 'applied' order by number desc limit 1")
                .query(ConceptStore::version)
                .optional();
    }

    /** Returns the open draft, if any. */
    public Optional<ConceptVersion> draft() {
        return jdbc.sql("select " + VERSION_COLUMNS + " from concept_version where status = 'draft'")
                .query(ConceptStore::version)
                .optional();
    }

    /** Returns a version by id. */
    public Optional<ConceptVersion> version(UUID id) {
        return jdbc.sql("select " + VERSION_COLUMNS + " from concept_version where id = ?")
                .param(id)
                .query(ConceptStore::version)
                .optional();
    }

    /** Returns every version, newest first. */
    public List<ConceptVersion> versions() {
        return jdbc.sql("select " + VERSION_COLUMNS + " from concept_version order by number desc")
                .query(ConceptStore::version)
                .list();
    }

    /** Returns the proposal that applies the version, if one is linked. */
    public Optional<UUID> proposalOf(UUID versionId) {
        return jdbc.sql("select proposal_id from concept_version where id = ? and proposal_id is not null")
                .param(versionId)
                .query(UUID.class)
                .optional();
    }

    /** Returns the version that a proposal applies, if any. */
    public Optional<ConceptVersion> versionOfProposal(UUID proposalId) {
        return jdbc.sql("select " + VERSION_COLUMNS + " from concept_version where proposal_id = ?")
                .param(proposalId)
                .query(ConceptStore::version)
                .optional();
    }

    /** Links the version to the proposal that applies it, replacing an earlier link. */
    public void linkProposal(UUID versionId, @Nullable UUID proposalId) {
        jdbc.sql("update concept_version set proposal_id = ? where id = ?").params(proposalId, versionId).update();
    }

    /**
     * Marks a draft applied by the decision {@code decisionReference}; returns false when the version is no draft.
     */
    public boolean markApplied(UUID versionId, String decisionReference) {
        return jdbc.sql("update concept_version set status = 'applied', decision_reference = ?, applied_at = now()"
                        + " where id = ? and status = 'draft'")
                .params(decisionReference, versionId)
                .update() == 1;
    }

    /** Creates a draft as a copy of the rows of {@code basedOn}, or an empty one when it is null. */
    public UUID createDraft(@Nullable UUID basedOn, String createdBy) {
        UUID id = UUID.randomUUID();
        int number = jdbc.sql("select coalesce(max(number), 0) + 1 from concept_version")
                .query(Integer.class)
                .single();
        jdbc.sql("insert into concept_version (id, number, status, based_on, created_by) values (?, ?, 'draft', ?, ?)")
                .params(id, number, basedOn, createdBy)
                .update();
        if (basedOn != null) {
            copyRows(basedOn, id);
        }
        return id;
    }

    private void copyRows(UUID from, UUID to) {
        jdbc.sql("insert into concept_sub_process (version_id, code, name, position)"
                        + " select ?, code, name, position from concept_sub_process where version_id = ?")
                .params(to, from)
                .update();
        jdbc.sql("insert into concept_status_type (version_id, code, sub_process_code, name, position)"
                        + " select ?, code, sub_process_code, name, position from concept_status_type where version_id = ?")
                .params(to, from)
                .update();
        jdbc.sql("insert into concept_role (version_id, code, name, authority_type, authority_code, origin)"
                        + " select ?, code, name, authority_type, authority_code, origin from concept_role"
                        + " where version_id = ?")
                .params(to, from)
                .update();
        jdbc.sql("insert into concept_role_composite (version_id, role_code, component_code)"
                        + " select ?, role_code, component_code from concept_role_composite where version_id = ?")
                .params(to, from)
                .update();
        jdbc.sql("insert into concept_right (version_id, role_code, status_type_code, action)"
                        + " select ?, role_code, status_type_code, action from concept_right where version_id = ?")
                .params(to, from)
                .update();
        jdbc.sql("insert into concept_sod_rule (version_id, first_role_code, second_role_code, sub_process_code,"
                        + " reason) select ?, first_role_code, second_role_code, sub_process_code, reason"
                        + " from concept_sod_rule where version_id = ?")
                .params(to, from)
                .update();
    }

    /**
     * Loads a version as plain values, with the active authorities of the authority table. Authorities whose onboarding
     * is still being decided and archived ones have no organisation on the channel, so the concept leaves them out.
     */
    public ConceptModel load(UUID versionId) {
        List<AuthorityEntry> authorities = jdbc.sql(
                        "select code, msp_id, authority_type from authority where status = 'active' order by code")
                .query((rs, row) -> new AuthorityEntry(rs.getString(1), rs.getString(2), rs.getString(3)))
                .list();
        List<SubProcess> subProcesses = jdbc.sql(
                        "select code, name from concept_sub_process where version_id = ? order by position, code")
                .param(versionId)
                .query((rs, row) -> new SubProcess(rs.getString(1), rs.getString(2)))
                .list();
        List<StatusType> statusTypes = jdbc.sql("select code, sub_process_code, name from concept_status_type"
                        + " where version_id = ? order by position, code")
                .param(versionId)
                .query((rs, row) -> new StatusType(rs.getString(1), rs.getString(2), rs.getString(3)))
                .list();
        return new ConceptModel(authorities, subProcesses, statusTypes, roles(versionId), rights(versionId),
                sodRules(versionId));
    }

    private List<Role> roles(UUID versionId) {
        Map<String, List<String>> components = new HashMap<>();
        jdbc.sql("select role_code, component_code from concept_role_composite where version_id = ?"
                        + " order by role_code, component_code")
                .param(versionId)
                .query(rs -> {
                    components.computeIfAbsent(rs.getString(1), code -> new ArrayList<>()).add(rs.getString(2));
                });
        return jdbc.sql("select code, name, authority_type, authority_code from concept_role where version_id = ?"
                        + " order by code")
                .param(versionId)
                .query((rs, row) -> new Role(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        components.getOrDefault(rs.getString(1), List.of())))
                .list();
    }

    private Set<Right> rights(UUID versionId) {
        return new HashSet<>(jdbc.sql(
                        "select role_code, status_type_code, action from concept_right where version_id = ?")
                .param(versionId)
                .query((rs, row) -> new Right(rs.getString(1), rs.getString(2), Action.ofCode(rs.getString(3))))
                .list());
    }

    private List<SodRule> sodRules(UUID versionId) {
        return jdbc.sql("select first_role_code, second_role_code, sub_process_code, reason from concept_sod_rule"
                        + " where version_id = ? order by first_role_code, second_role_code")
                .param(versionId)
                .query((rs, row) -> new SodRule(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
    }

    /** Adds a sub-process at the end of the order. */
    public void insertSubProcess(UUID versionId, SubProcess subProcess) {
        jdbc.sql("insert into concept_sub_process (version_id, code, name, position) values (?, ?, ?,"
                        + " (select coalesce(max(position), 0) + 1 from concept_sub_process where version_id = ?))")
                .params(versionId, subProcess.code(), subProcess.name(), versionId)
                .update();
    }

    /** Adds a status type at the end of the order. */
    public void insertStatusType(UUID versionId, StatusType statusType) {
        jdbc.sql("insert into concept_status_type (version_id, code, sub_process_code, name, position) values"
                        + " (?, ?, ?, ?, (select coalesce(max(position), 0) + 1 from concept_status_type"
                        + " where version_id = ?))")
                .params(versionId, statusType.code(), statusType.subProcessCode(), statusType.name(), versionId)
                .update();
    }

    /** Inserts or replaces a role with its components; {@code origin} records where it came from. */
    public void saveRole(UUID versionId, Role role, String origin) {
        jdbc.sql("insert into concept_role (version_id, code, name, authority_type, authority_code, origin)"
                        + " values (?, ?, ?, ?, ?, ?) on conflict (version_id, code) do update set name = excluded.name,"
                        + " authority_type = excluded.authority_type, authority_code = excluded.authority_code")
                .params(versionId, role.code(), role.name(), role.authorityType(), role.authorityCode(), origin)
                .update();
        jdbc.sql("delete from concept_role_composite where version_id = ? and role_code = ?")
                .params(versionId, role.code())
                .update();
    }

    /** Adds the components of saved roles; call after every role of a batch is saved. */
    public void insertComponents(UUID versionId, Role role) {
        for (String component : role.components()) {
            jdbc.sql("insert into concept_role_composite (version_id, role_code, component_code) values (?, ?, ?)")
                    .params(versionId, role.code(), component)
                    .update();
        }
    }

    /** Grants or revokes one right. */
    public void setRight(UUID versionId, Right right, boolean granted) {
        if (granted) {
            jdbc.sql("insert into concept_right (version_id, role_code, status_type_code, action) values (?, ?, ?, ?)"
                            + " on conflict do nothing")
                    .params(versionId, right.roleCode(), right.statusTypeCode(), right.action().code())
                    .update();
        } else {
            jdbc.sql("delete from concept_right where version_id = ? and role_code = ? and status_type_code = ?"
                            + " and action = ?")
                    .params(versionId, right.roleCode(), right.statusTypeCode(), right.action().code())
                    .update();
        }
    }

    /** Adds a separation-of-duties rule, the two roles in alphabetical order. */
    public void insertSodRule(UUID versionId, SodRule rule) {
        jdbc.sql("insert into concept_sod_rule (version_id, first_role_code, second_role_code, sub_process_code,"
                        + " reason) values (?, ?, ?, ?, ?)")
                .params(versionId, rule.firstRole(), rule.secondRole(), rule.subProcessCode(), rule.reason())
                .update();
    }

    /** Returns the authority types. */
    public List<String> authorityTypes() {
        return jdbc.sql("select code from authority_type order by code").query(String.class).list();
    }

    /** Adds an authority type. */
    public void insertAuthorityType(String code) {
        jdbc.sql("insert into authority_type (code) values (?)").param(code).update();
    }

    /** Sets the type of an authority; returns the number of rows changed. */
    public int updateAuthorityType(String authorityCode, String type) {
        return jdbc.sql("update authority set authority_type = ? where code = ?")
                .params(type, authorityCode)
                .update();
    }

    /** Returns one page of the rights matrix, ordered by role and status type. */
    public List<MatrixRow> matrix(UUID versionId, MatrixFilter filter, int offset, int limit) {
        List<Object> params = new ArrayList<>();
        String where = matrixWhere(versionId, filter, params);
        params.add(limit);
        params.add(offset);
        return jdbc.sql("select r.code, r.name, s.code, s.name, s.sub_process_code,"
                        + " exists (select 1 from concept_right x where x.version_id = r.version_id"
                        + " and x.role_code = r.code and x.status_type_code = s.code and x.action = 'read'),"
                        + " exists (select 1 from concept_right x where x.version_id = r.version_id"
                        + " and x.role_code = r.code and x.status_type_code = s.code and x.action = 'write'),"
                        + inheritedRight("read") + "," + inheritedRight("write")
                        + where + " order by r.code, s.position, s.code limit ? offset ?")
                .params(params)
                .query((rs, row) -> new MatrixRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getBoolean(6), rs.getBoolean(7), rs.getBoolean(8), rs.getBoolean(9)))
                .list();
    }

    /**
     * Builds the SQL test whether a role that {@code r} is composed of, at any depth, has the action on {@code s}.
     * {@code union} in place of {@code union all} ends the recursion even on a cyclic composition, which saving a
     * role rejects anyway.
     */
    private static String inheritedRight(String action) {
        return " exists (with recursive part (code) as (select c.component_code from concept_role_composite c"
                + " where c.version_id = r.version_id and c.role_code = r.code"
                + " union select c.component_code from concept_role_composite c join part p on c.role_code = p.code"
                + " where c.version_id = r.version_id)"
                + " select 1 from concept_right x join part p on x.role_code = p.code where x.version_id = r.version_id"
                + " and x.status_type_code = s.code and x.action = '" + action + "')";
    }

    /** Counts the rows of the rights matrix that the filter keeps. */
    public int countMatrix(UUID versionId, MatrixFilter filter) {
        List<Object> params = new ArrayList<>();
        String where = matrixWhere(versionId, filter, params);
        return jdbc.sql("select count(*)" + where).params(params).query(Integer.class).single();
    }

    private static String matrixWhere(UUID versionId, MatrixFilter filter, List<Object> params) {
        StringBuilder sql = new StringBuilder(" from concept_role r join concept_status_type s"
                + " on s.version_id = r.version_id where r.version_id = ?");
        params.add(versionId);
        if (filter.search() != null && !filter.search().isBlank()) {
            String pattern = "%" + escapeLike(filter.search().trim()) + "%";
            sql.append(" and (r.code ilike ? or r.name ilike ? or s.code ilike ? or s.name ilike ?)");
            params.addAll(List.of(pattern, pattern, pattern, pattern));
        }
        if (filter.roleCode() != null && !filter.roleCode().isBlank()) {
            sql.append(" and r.code = ?");
            params.add(filter.roleCode());
        }
        if (filter.subProcessCode() != null && !filter.subProcessCode().isBlank()) {
            sql.append(" and s.sub_process_code = ?");
            params.add(filter.subProcessCode());
        }
        if (filter.grantedOnly()) {
            sql.append(" and exists (select 1 from concept_right x where x.version_id = r.version_id"
                    + " and x.role_code = r.code and x.status_type_code = s.code)");
        }
        return sql.toString();
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static ConceptVersion version(ResultSet rs, int row) throws SQLException {
        Timestamp applied = rs.getTimestamp("applied_at");
        return new ConceptVersion(
                rs.getObject("id", UUID.class),
                rs.getInt("number"),
                rs.getString("status"),
                rs.getObject("based_on", UUID.class),
                rs.getString("decision_reference"),
                rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant(),
                applied == null ? null : applied.toInstant());
    }
}
