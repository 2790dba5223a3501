package de.klammer.portal.audit.internal;

import de.klammer.portal.audit.AuditEntry;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Appends rows to the hash chain inside the caller's transaction. The chain head row is locked with
 * {@code select ... for update} until that transaction ends, so appends from all portal instances on one database
 * are serialised, and a rollback leaves neither a gap in the sequence nor a moved head.
 */
@Component
public class AuditChainAppender {

    private final JdbcTemplate jdbc;

    public AuditChainAppender(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Appends the entries in list order; each pairs an entry with the time it was recorded. */
    public void append(List<TimedEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }

        ChainHead head = jdbc.queryForObject(
                "select last_sequence, last_hash from audit_chain_head where id = 1 for update",
                (row, rowNumber) -> new ChainHead(row.getLong(1), row.getString(2)));
        if (head == null) {
            throw new IllegalStateException("audit_chain_head has no row; migration V040 creates it");
        }

        long sequence = head.sequence();
        String previousHash = head.hash();
        for (TimedEntry timed : entries) {
            sequence++;
            previousHash = insert(sequence, timed, previousHash);
            jdbc.update(
                    "update audit_chain_head set last_sequence = ?, last_hash = ? where id = 1",
                    sequence,
                    previousHash);
        }
    }

    private String insert(long sequence, TimedEntry timed, String previousHash) {
        AuditEntry entry = timed.entry();
        String hash = AuditChainHash.compute(
                sequence,
                timed.occurredAt(),
                entry.actor(),
                entry.authorityCode(),
                entry.action(),
                entry.subjectType(),
                entry.subjectId(),
                entry.details(),
                previousHash);
        jdbc.update(
                """
                insert into audit_event (sequence, occurred_at, actor, authority_code, action, subject_type,
                                         subject_id, details, previous_hash, row_hash)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                sequence,
                OffsetDateTime.ofInstant(timed.occurredAt(), ZoneOffset.UTC),
                entry.actor(),
                entry.authorityCode(),
                entry.action(),
                entry.subjectType(),
                entry.subjectId(),
                entry.details(),
                previousHash,
                hash);
        return hash;
    }

    /**
     * An entry with the time it was recorded, already cut to whole microseconds.
     *
     * @param entry what to record
     * @param occurredAt when {@code AuditService.record} was called
     */
    public record TimedEntry(AuditEntry entry, Instant occurredAt) {}

    private record ChainHead(long sequence, String hash) {}
}
