package de.klammer.portal.concept.internal;

import de.klammer.portal.concept.RoleAssignment;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads and writes role assignments. */
@Repository
public class AssignmentStore {

    private static final String COLUMNS = "a.id, a.holder, au.code, a.role_code, a.valid_from, a.valid_until";
    private static final String FROM = " from role_assignment a join authority au on au.id = a.authority_id";

    private final JdbcClient jdbc;

    AssignmentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores an assignment and returns its id. */
    public UUID insert(String holder, String authorityCode, String roleCode, LocalDate validFrom,
            @Nullable LocalDate validUntil, String createdBy) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into role_assignment (id, holder, authority_id, role_code, valid_from, valid_until,"
                        + " created_by) values (?, ?, (select id from authority where code = ?), ?, ?, ?, ?)")
                .params(id, holder, authorityCode, roleCode, validFrom, validUntil, createdBy)
                .update();
        return id;
    }

    /** Returns the holder's assignments whose period overlaps the given one; a null end is open. */
    public List<RoleAssignment> overlapping(String holder, LocalDate from, @Nullable LocalDate until) {
        return jdbc.sql("select " + COLUMNS + FROM + " where a.holder = ? and (a.valid_until is null or a.valid_until"
                        + " >= ?) and (cast(? as date) is null or a.valid_from <= ?) order by a.valid_from")
                .params(holder, from, until, until)
                .query(AssignmentStore::assignment)
                .list();
    }

    /** Returns every assignment of the holder, oldest first. */
    public List<RoleAssignment> ofHolder(String holder) {
        return jdbc.sql("select " + COLUMNS + FROM + " where a.holder = ? order by a.valid_from, a.role_code")
                .param(holder)
                .query(AssignmentStore::assignment)
                .list();
    }

    private static RoleAssignment assignment(ResultSet rs, int row) throws SQLException {
        Date until = rs.getDate(6);
        return new RoleAssignment(
                rs.getObject(1, UUID.class),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getDate(5).toLocalDate(),
                until == null ? null : until.toLocalDate());
    }
}
