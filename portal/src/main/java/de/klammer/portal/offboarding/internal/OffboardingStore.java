package de.klammer.portal.offboarding.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads and writes the {@code authority_offboarding} table. Callers run inside a transaction. */
@Component
public class OffboardingStore {

    /** Maximum length of a stored error, so that a long CA response does not fill the row. */
    private static final int MAX_ERROR_LENGTH = 1000;

    private static final String COLUMNS = """
            select proposal_id, authority_id, msp_id, state, revoked_identities, attempts, last_error, updated_at
            from authority_offboarding
            """;

    private final JdbcClient jdbc;

    OffboardingStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One row of {@code authority_offboarding}. */
    public record Row(
            UUID proposalId,
            UUID authorityId,
            String mspId,
            String state,
            int endedIdentities,
            int attempts,
            @Nullable String lastError,
            Instant updatedAt) {}

    public void insert(UUID proposalId, UUID authorityId, String mspId) {
        jdbc.sql("insert into authority_offboarding (proposal_id, authority_id, msp_id) values (?, ?, ?)")
                .param(proposalId)
                .param(authorityId)
                .param(mspId)
                .update();
    }

    public Optional<Row> find(UUID proposalId) {
        return jdbc.sql(COLUMNS + " where proposal_id = ?").param(proposalId).query(OffboardingStore::row).optional();
    }

    /** Finds the offboarding of the authority that is still under vote or revoking. */
    public Optional<Row> findUndecided(UUID authorityId) {
        return jdbc.sql(COLUMNS + " where authority_id = ? and state in ('proposed', 'revoking', 'revocation-failed')")
                .param(authorityId)
                .query(OffboardingStore::row)
                .optional();
    }

    /** Returns every offboarding, newest first. */
    public List<Row> findAll() {
        return jdbc.sql(COLUMNS + " order by created_at desc").query(OffboardingStore::row).list();
    }

    /** Returns the proposals whose revocation is outstanding and whose row did not change since the given time. */
    public List<UUID> findRevocationOutstanding(Instant updatedBefore) {
        return jdbc.sql("""
                        select proposal_id from authority_offboarding
                        where state in ('revoking', 'revocation-failed') and updated_at < ?
                        order by updated_at
                        """)
                .param(OffsetDateTime.ofInstant(updatedBefore, ZoneOffset.UTC))
                .query(UUID.class)
                .list();
    }

    /** Moves the row from {@code expected} to {@code next}; returns false when it was in another state. */
    public boolean transition(UUID proposalId, String expected, String next) {
        return jdbc.sql("""
                        update authority_offboarding set state = ?, updated_at = now()
                        where proposal_id = ? and state = ?
                        """)
                .param(next)
                .param(proposalId)
                .param(expected)
                .update() == 1;
    }

    /** Records a finished revocation run and its number of ended identities. */
    public void recordCompleted(UUID proposalId, int endedIdentities) {
        jdbc.sql("""
                        update authority_offboarding
                        set state = 'completed', revoked_identities = revoked_identities + ?, attempts = attempts + 1,
                            last_error = null, updated_at = now()
                        where proposal_id = ?
                        """)
                .param(endedIdentities)
                .param(proposalId)
                .update();
    }

    /** Records a failed revocation run with its error. */
    public void recordFailed(UUID proposalId, String error) {
        String stored = error.length() > MAX_ERROR_LENGTH ? error.substring(0, MAX_ERROR_LENGTH) : error;
        jdbc.sql("""
                        update authority_offboarding
                        set state = 'revocation-failed', attempts = attempts + 1, last_error = ?, updated_at = now()
                        where proposal_id = ?
                        """)
                .param(stored)
                .param(proposalId)
                .update();
    }

    private static Row row(ResultSet result, int rowNumber) throws SQLException {
        return new Row(
                result.getObject("proposal_id", UUID.class),
                result.getObject("authority_id", UUID.class),
                result.getString("msp_id"),
                result.getString("state"),
                result.getInt("revoked_identities"),
                result.getInt("attempts"),
                result.getString("last_error"),
                result.getObject("updated_at", OffsetDateTime.class).toInstant());
    }
}
