package de.klammer.portal.audit;

import de.klammer.portal.audit.ChainBreak.Kind;
import de.klammer.portal.audit.internal.AuditChainHash;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Objects;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * Recomputes the audit trail's hash chain from the database and reports the first broken row. It reads plain JDBC
 * in one repeatable-read transaction, so rows appended meanwhile neither show up half nor count as breaks. The
 * portal's verify page and the command-line verifier both use it.
 *
 * <p>NOTE: the chain shows that rows were altered, deleted or inserted after they were written. A database owner who
 * recomputes the hashes can still rewrite the chain from some row on, together with the head. Only a copy of the
 * head hash kept outside the database (see {@link ChainVerification#headHash()}) reveals that.
 */
public class AuditTrailVerifier {

    private static final int FETCH_SIZE = 1000;
    private static final int PROGRESS_INTERVAL = 500;

    private final DataSource dataSource;

    public AuditTrailVerifier(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource must not be null");
    }

    /**
     * Verifies the whole chain, from row 1 to the chain head.
     *
     * @throws SQLException when the database cannot be read, for example because the schema predates the hash chain
     */
    public ChainVerification verify(VerificationProgress progress) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setReadOnly(true);
            try {
                return verify(connection, progress);
            } finally {
                connection.rollback();
            }
        }
    }

    private ChainVerification verify(Connection connection, VerificationProgress progress) throws SQLException {
        Head head = readHead(connection);
        ChainWalk walk = new ChainWalk(head, progress);
        try (PreparedStatement statement = connection.prepareStatement("""
                select id, sequence, occurred_at, actor, authority_code, action, subject_type, subject_id, details,
                       previous_hash, row_hash
                from audit_event order by sequence
                """)) {
            statement.setFetchSize(FETCH_SIZE);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    ChainBreak broken = walk.check(rows);
                    if (broken != null) {
                        return walk.result(broken);
                    }
                }
            }
        }
        return walk.result(walk.checkHead());
    }

    private static Head readHead(Connection connection) throws SQLException {
        try (PreparedStatement statement =
                        connection.prepareStatement("select last_sequence, last_hash from audit_chain_head where id = 1");
                ResultSet row = statement.executeQuery()) {
            if (!row.next()) {
                return new Head(0, AuditChainHash.GENESIS, false);
            }
            return new Head(row.getLong(1), row.getString(2), true);
        }
    }

    private record Head(long sequence, String hash, boolean present) {}

    /** State of one pass along the chain: the next expected sequence number and the previous row's hash. */
    private static final class ChainWalk {

        private final Head head;
        private final VerificationProgress progress;
        private long expectedSequence = 1;
        private String previousHash = AuditChainHash.GENESIS;
        private long verified;

        ChainWalk(Head head, VerificationProgress progress) {
            this.head = head;
            this.progress = progress;
        }

        @Nullable ChainBreak check(ResultSet row) throws SQLException {
            long id = row.getLong("id");
            long sequence = row.getLong("sequence");
            if (sequence > expectedSequence) {
                return new ChainBreak(expectedSequence, null, Kind.MISSING_ROW, "Row " + expectedSequence
                        + " is missing: the next row found is " + sequence + " (id " + id + ")");
            }
            if (sequence < expectedSequence) {
                return new ChainBreak(sequence, id, Kind.UNEXPECTED_ROW, "Row id " + id + " carries sequence "
                        + sequence + ", which was already taken; expected " + expectedSequence);
            }

            String storedPrevious = row.getString("previous_hash");
            if (!previousHash.equals(storedPrevious)) {
                return new ChainBreak(sequence, id, Kind.PREVIOUS_HASH_MISMATCH, "Row " + sequence + " (id " + id
                        + ") stores previous hash " + storedPrevious + ", but row " + (sequence - 1) + " hashes to "
                        + previousHash);
            }
            String storedHash = row.getString("row_hash");
            String computedHash = AuditChainHash.compute(
                    sequence,
                    row.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                    row.getString("actor"),
                    row.getString("authority_code"),
                    row.getString("action"),
                    row.getString("subject_type"),
                    row.getString("subject_id"),
                    row.getString("details"),
                    storedPrevious);
            if (!computedHash.equals(storedHash)) {
                return new ChainBreak(sequence, id, Kind.ROW_HASH_MISMATCH, "Row " + sequence + " (id " + id
                        + ") was altered: its fields hash to " + computedHash + ", but it stores " + storedHash);
            }

            previousHash = storedHash;
            expectedSequence++;
            verified++;
            if (verified % PROGRESS_INTERVAL == 0) {
                progress.rowsVerified(verified, Math.max(verified, head.sequence()));
            }
            return null;
        }

        @Nullable ChainBreak checkHead() {
            long lastSequence = expectedSequence - 1;
            if (!head.present()) {
                return new ChainBreak(lastSequence + 1, null, Kind.HEAD_MISMATCH,
                        "The chain head row is missing from audit_chain_head");
            }
            if (head.sequence() > lastSequence) {
                return new ChainBreak(lastSequence + 1, null, Kind.MISSING_ROW, "Rows " + (lastSequence + 1) + " to "
                        + head.sequence() + " are missing: the trail ends at row " + lastSequence
                        + ", but the chain head records row " + head.sequence());
            }
            if (head.sequence() < lastSequence) {
                return new ChainBreak(head.sequence() + 1, null, Kind.HEAD_MISMATCH, "Rows after "
                        + head.sequence() + " were added outside the portal: the trail ends at row " + lastSequence
                        + ", but the chain head records row " + head.sequence());
            }
            if (!head.hash().equals(previousHash)) {
                return new ChainBreak(lastSequence, null, Kind.HEAD_MISMATCH, "Row " + lastSequence + " hashes to "
                        + previousHash + ", but the chain head records " + head.hash());
            }
            return null;
        }

        ChainVerification result(@Nullable ChainBreak broken) {
            progress.rowsVerified(verified, Math.max(verified, head.sequence()));
            return new ChainVerification(verified, head.sequence(), head.hash(), broken);
        }
    }
}
