package de.klammer.portal.concept.internal;

import de.klammer.portal.concept.ConceptDrift.DriftFinding;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stores drift findings. A finding stays open while detection still finds it, and is kept once resolved. */
@Repository
public class DriftStore {

    private static final String COLUMNS = "id, element_path, expected, found, first_seen_at, last_seen_at";

    private final JdbcClient jdbc;

    DriftStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Returns the open findings of a version, ordered by element path. */
    public List<DriftFinding> open(UUID versionId) {
        return jdbc.sql("select " + COLUMNS + " from concept_drift where version_id = ? and resolved_at is null"
                        + " order by element_path")
                .param(versionId)
                .query(DriftStore::finding)
                .list();
    }

    /** Returns the open finding with exactly these values, if one exists. */
    public Optional<DriftFinding> findOpen(UUID versionId, String path, String expected, @Nullable String found) {
        return jdbc.sql("select " + COLUMNS + " from concept_drift where version_id = ? and element_path = ?"
                        + " and expected = ? and coalesce(found, '') = coalesce(?, '') and resolved_at is null")
                .params(versionId, path, expected, found)
                .query(DriftStore::finding)
                .optional();
    }

    /**
     * Stores a new open finding; returns false when an open finding with these values exists already, for example
     * because an on-demand check and the scheduled run found it at the same time.
     */
    public boolean insert(UUID versionId, String path, String expected, @Nullable String found) {
        return jdbc.sql("insert into concept_drift (id, version_id, element_path, expected, found)"
                        + " values (?, ?, ?, ?, ?) on conflict do nothing")
                .params(UUID.randomUUID(), versionId, path, expected, found)
                .update() == 1;
    }

    /** Records that detection saw the finding again. */
    public void touch(UUID findingId) {
        jdbc.sql("update concept_drift set last_seen_at = now() where id = ?").param(findingId).update();
    }

    /** Marks a finding resolved. */
    public void resolve(UUID findingId) {
        jdbc.sql("update concept_drift set resolved_at = now() where id = ? and resolved_at is null")
                .param(findingId)
                .update();
    }

    /** Resolves every open finding of versions other than {@code versionId}, which is no longer the applied one. */
    public int resolveOtherVersions(UUID versionId) {
        return jdbc.sql("update concept_drift set resolved_at = now() where version_id <> ? and resolved_at is null")
                .param(versionId)
                .update();
    }

    private static DriftFinding finding(ResultSet rs, int row) throws SQLException {
        Timestamp firstSeen = rs.getTimestamp("first_seen_at");
        Timestamp lastSeen = rs.getTimestamp("last_seen_at");
        return new DriftFinding(
                rs.getObject("id", UUID.class),
                rs.getString("element_path"),
                rs.getString("expected"),
                rs.getString("found"),
                firstSeen.toInstant(),
                lastSeen.toInstant());
    }
}
