package de.klammer.portal.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Generates the load test's data straight into the portal's database with set-based SQL: authorities, ledger
 * identities and a hash-chained audit trail. A fixed formula per row number makes every run generate the same data,
 * apart from random UUIDs and the timestamps, which end at the time of the run.
 *
 * <p>The audit rows continue the existing chain: one recursive query computes each row's hash with the schema's own
 * {@code audit_event_hash} function from the previous row's hash, so the portal's verifier accepts the trail.
 */
class LoadDataGenerator {

    /** Data volume of one run. */
    record Volume(int authorities, int identities, int auditRows) {}

    /** Wall-clock time of each generation step, in step order. */
    record Timing(String step, long rows, Duration time) {}

    private static final String AUTHORITY_PREFIX = "load-";

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    LoadDataGenerator(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** Inserts the data in three transactions and returns how long each step took. */
    List<Timing> generate(Volume volume) {
        List<Timing> timings = new ArrayList<>();
        timings.add(timed("authorities", () -> insertAuthorities(volume.authorities())));
        timings.add(timed("ledger identities", () -> insertIdentities(volume.identities())));
        timings.add(timed("audit rows", () -> appendAuditRows(volume.auditRows())));
        return timings;
    }

    private Timing timed(String step, LongSupplier work) {
        long start = System.nanoTime();
        Long rows = transactions.execute(status -> work.getAsLong());
        return new Timing(step, rows == null ? 0 : rows, Duration.ofNanos(System.nanoTime() - start));
    }

    private long insertAuthorities(int count) {
        return jdbc.sql("""
                        insert into authority (id, code, name, msp_id, oidc_issuer, status, authority_type)
                        select gen_random_uuid(),
                               :prefix || lpad(n::text, 3, '0'),
                               'Lastbehörde ' || n,
                               'Load' || n || 'MSP',
                               'http://127.0.0.1:1/' || :prefix || lpad(n::text, 3, '0'),
                               'active',
                               (array['federal', 'state', 'municipal', 'police'])[1 + n % 4]
                        from generate_series(1, :count) as n
                        """)
                .param("prefix", AUTHORITY_PREFIX)
                .param("count", count)
                .update();
    }

    /**
     * Gives BAMF 2,000 identities and LDS 1,000, as the two authorities that the load users sign in to, and spreads
     * the rest evenly over the generated authorities.
     */
    private long insertIdentities(int count) {
        int bamf = Math.min(2_000, count);
        int lds = Math.min(1_000, count - bamf);
        long rows = insertIdentitiesOf("code = 'bamf'", "bamf", bamf);
        rows += insertIdentitiesOf("code = 'lds'", "lds", lds);
        int rest = count - bamf - lds;
        rows += jdbc.sql(identityInsert("""
                        from generate_series(0, :count - 1) as n
                        join (select id, row_number() over (order by code) - 1 as position
                              from authority where code like :prefix || '%') as a
                          on a.position = n % (select count(*) from authority where code like :prefix || '%')
                        """, "'load'"))
                .param("prefix", AUTHORITY_PREFIX)
                .param("count", rest)
                .update();
        return rows;
    }

    private long insertIdentitiesOf(String authorityCondition, String enrollmentPrefix, int count) {
        return jdbc.sql(identityInsert(
                        "from generate_series(0, :count - 1) as n cross join (select id from authority where "
                                + authorityCondition + ") as a",
                        "'" + enrollmentPrefix + "'"))
                .param("count", count)
                .update();
    }

    private static String identityInsert(String fromClause, String enrollmentPrefix) {
        return """
                insert into ledger_identity (id, authority_id, enrollment_id, kind, roles, valid_until, key_source,
                                             status, requester, created_at)
                select gen_random_uuid(), a.id,
                       %s || '-load-system-' || lpad(n::text, 6, '0'),
                       'system',
                       (array['registration-clerk', 'decision-clerk', 'enforcement-clerk'])[1 + n %% 3],
                       current_date + 30 + n %% 700,
                       'generated',
                       (array['requested', 'approved', 'enrolled', 'enrolled', 'withdrawn'])[1 + n %% 5],
                       'load-requester-' || n %% 97,
                       now() - make_interval(mins => n)
                %s
                """.formatted(enrollmentPrefix, fromClause);
    }

    /**
     * Appends the rows to the audit chain. The chain head's trigger lets the head move forward by only one row per
     * update, so this step disables it for the single jump to the new head and enables it again in the same
     * transaction. The portal's appenders wait on the head row's lock meanwhile.
     */
    private long appendAuditRows(int count) {
        jdbc.sql("select last_sequence from audit_chain_head where id = 1 for update").query(Long.class).single();
        long inserted = jdbc.sql("""
                        with recursive chain (n, occurred_at, actor, authority_code, action, subject_type, subject_id,
                                              details, previous_hash, row_hash) as (
                            select 0::bigint, null::timestamptz, null, null, null, null, null, null, null,
                                   (select last_hash from audit_chain_head where id = 1)
                            union all
                            select f.n, f.occurred_at, f.actor, f.authority_code, f.action, f.subject_type,
                                   f.subject_id, f.details, c.row_hash,
                                   audit_event_hash(h.last_sequence + f.n, f.occurred_at, f.actor, f.authority_code,
                                                    f.action, f.subject_type, f.subject_id, f.details, c.row_hash)
                            from chain c
                            cross join (select last_sequence from audit_chain_head where id = 1) as h
                            cross join lateral (
                                select c.n + 1 as n,
                                       date_trunc('milliseconds', now())
                                           - make_interval(secs => (:count - c.n) * 30) as occurred_at,
                                       'load-member-' || lpad(((c.n + 1) % 997)::text, 4, '0') as actor,
                                       :prefix || lpad((1 + (c.n + 1) % 500)::text, 3, '0') as authority_code,
                                       (array['proposal.voted', 'proposal.opened', 'identity.requested',
                                              'identity.enrolled', 'concept.right-set'])[1 + (c.n + 1) % 5]
                                           as action,
                                       (array['proposal', 'proposal', 'ledger-identity', 'ledger-identity',
                                              'concept-version'])[1 + (c.n + 1) % 5] as subject_type,
                                       md5((c.n + 1)::text) as subject_id,
                                       'generated load row ' || (c.n + 1) as details
                            ) as f
                            where c.n < :count
                        )
                        insert into audit_event (sequence, occurred_at, actor, authority_code, action, subject_type,
                                                 subject_id, details, previous_hash, row_hash)
                        select h.last_sequence + c.n, c.occurred_at, c.actor, c.authority_code, c.action,
                               c.subject_type, c.subject_id, c.details, c.previous_hash, c.row_hash
                        from chain c
                        cross join (select last_sequence from audit_chain_head where id = 1) as h
                        where c.n > 0
                        """)
                .param("prefix", AUTHORITY_PREFIX)
                .param("count", count)
                .update();

        jdbc.sql("alter table audit_chain_head disable trigger audit_chain_head_forward_only").update();
        jdbc.sql("""
                        update audit_chain_head
                        set last_sequence = (select max(sequence) from audit_event),
                            last_hash = (select row_hash from audit_event order by sequence desc limit 1)
                        where id = 1
                        """)
                .update();
        jdbc.sql("alter table audit_chain_head enable trigger audit_chain_head_forward_only").update();
        return inserted;
    }
}
