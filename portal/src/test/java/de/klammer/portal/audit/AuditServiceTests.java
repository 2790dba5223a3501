package de.klammer.portal.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import de.klammer.portal.IntegrationTest;
import de.klammer.portal.authority.AuthorityService;
import de.klammer.portal.authority.BoardMemberService;
import de.klammer.portal.security.PortalRole;
import de.klammer.portal.security.TestUsers;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

@IntegrationTest
class AuditServiceTests {

    private static final int THREADS = 8;
    private static final int TRANSACTIONS_PER_THREAD = 20;

    @Autowired
    AuditService audit;

    @Autowired
    AuditVerificationService verification;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuthorityService authorities;

    @Autowired
    BoardMemberService boardMembers;

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    @Test
    void parallelAppendsKeepChainIntact() throws Exception {
        String subject = "concurrency-" + UUID.randomUUID();
        long before = headSequence();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> results = new ArrayList<>();
        for (int thread = 0; thread < THREADS; thread++) {
            int threadNumber = thread;
            results.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < TRANSACTIONS_PER_THREAD; i++) {
                    int transaction = i;
                    transactions.executeWithoutResult(status -> {
                        audit.record(entry(subject, "thread " + threadNumber + " step " + transaction + " a"));
                        audit.record(entry(subject, "thread " + threadNumber + " step " + transaction + " b"));
                    });
                }
                return null;
            }));
        }

        start.countDown();
        for (Future<?> result : results) {
            result.get(2, TimeUnit.MINUTES);
        }
        pool.shutdown();

        int expected = THREADS * TRANSACTIONS_PER_THREAD * 2;
        assertThat(audit.findBySubject("test", subject)).hasSize(expected);
        assertThat(headSequence()).isEqualTo(before + expected);
        ChainVerification result = new AuditTrailVerifier(dataSource).verify(VerificationProgress.NONE);
        assertThat(result.firstBreak()).isNull();
        assertThat(result.verifiedRows()).isEqualTo(headSequence());
    }

    @Test
    void keepsEntriesOfOneTransactionTogether() {
        String subject = "together-" + UUID.randomUUID();

        transactions.executeWithoutResult(status -> {
            audit.record(entry(subject, "first"));
            audit.record(entry(subject, "second"));
        });

        List<AuditEvent> trail = audit.findBySubject("test", subject);
        assertThat(trail).extracting(AuditEvent::details).containsExactly("first", "second");
        assertThat(trail.get(1).sequence()).isEqualTo(trail.get(0).sequence() + 1);
    }

    @Test
    void rollbackLeavesNoGap() throws SQLException {
        String subject = "rollback-" + UUID.randomUUID();
        long before = headSequence();

        transactions.executeWithoutResult(status -> {
            audit.record(entry(subject, "rolled back"));
            status.setRollbackOnly();
        });
        transactions.executeWithoutResult(status -> audit.record(entry(subject, "committed")));

        assertThat(audit.findBySubject("test", subject)).extracting(AuditEvent::details).containsExactly("committed");
        assertThat(headSequence()).isEqualTo(before + 1);
        assertThat(new AuditTrailVerifier(dataSource).verify(VerificationProgress.NONE).intact()).isTrue();
    }

    @Test
    void innerTransactionAppendsOwnEntries() {
        String subject = "nested-" + UUID.randomUUID();
        TransactionTemplate inner = new TransactionTemplate(transactionManager);
        inner.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);

        transactions.executeWithoutResult(status -> {
            audit.record(entry(subject, "outer, rolled back"));
            inner.executeWithoutResult(innerStatus -> audit.record(entry(subject, "inner, committed")));
            status.setRollbackOnly();
        });

        assertThat(audit.findBySubject("test", subject))
                .extracting(AuditEvent::details)
                .containsExactly("inner, committed");
    }

    @Test
    void showsUncommittedEntriesToOwnTransaction() {
        String subject = "pending-" + UUID.randomUUID();

        List<AuditEvent> seen = transactions.execute(status -> {
            audit.record(entry(subject, "pending"));
            return audit.findBySubject("test", subject);
        });

        assertThat(seen).extracting(AuditEvent::details).containsExactly("pending");
        assertThat(seen.get(0).sequence()).isZero();
    }

    @Test
    void rejectsEmailAddressInDetails() {
        String subject = "email-" + UUID.randomUUID();

        assertThatExceptionOfType(IllegalArgumentException.class)
                .isThrownBy(() -> transactions.executeWithoutResult(
                        status -> audit.record(entry(subject, "notified erika.mustermann@bamf.example.de"))))
                .withMessageContaining("contains an e-mail address in its details")
                .withMessageNotContaining("erika");
        assertThatExceptionOfType(IllegalArgumentException.class)
                .isThrownBy(() -> transactions.executeWithoutResult(status -> audit.record(new AuditEntry(
                        "max@lds.example", "lds", "test.recorded", "test", subject, ""))))
                .withMessageContaining("in its actor");
        assertThat(audit.findBySubject("test", subject)).isEmpty();
    }

    @Test
    void masksAddressesInQuotedMessages() {
        String subject = "masked-" + UUID.randomUUID();
        String quoted = AuditService.withoutEmailAddresses(
                "CA error: identity Admin@bamf.example.com may not revoke erika.mustermann@bamf.example.de");

        transactions.executeWithoutResult(status -> audit.record(entry(subject, quoted)));

        assertThat(quoted).isEqualTo("CA error: identity <e-mail address> may not revoke <e-mail address>");
        assertThat(audit.findBySubject("test", subject)).extracting(AuditEvent::details).containsExactly(quoted);
    }

    @Test
    void acceptsFabricIdentifiersWithoutAddresses() {
        String subject = "fabric-" + UUID.randomUUID();

        transactions.executeWithoutResult(status -> audit.record(
                entry(subject, "revoked serial 1a2b for OU=client, CN=clerk-7 of BamfMSP; admin@ is not an address")));

        assertThat(audit.findBySubject("test", subject)).hasSize(1);
    }

    @Test
    void verificationRecordsItsResult() {
        TestUsers.signIn(new TestUsers(authorities, boardMembers).user("lds", PortalRole.AUDITOR));
        List<Long> progress = new ArrayList<>();

        ChainVerification result = verification.verify((verified, total) -> progress.add(verified));

        assertThat(result.intact()).isTrue();
        assertThat(progress).isNotEmpty();
        assertThat(progress.getLast()).isEqualTo(result.verifiedRows());
        List<AuditEvent> trail = audit.findBySubject("audit-trail", "audit_event");
        assertThat(trail.getLast().action()).isEqualTo("audit-trail.verified");
        assertThat(trail.getLast().details()).startsWith("intact: " + result.verifiedRows() + " rows");
        assertThat(trail.getLast().actor()).startsWith("user-");
    }

    @Test
    void verificationNeedsAuditorOrDpo() {
        TestUsers.signIn(new TestUsers(authorities, boardMembers).user("bamf", PortalRole.CLERK));

        assertThatExceptionOfType(AccessDeniedException.class)
                .isThrownBy(() -> verification.verify(VerificationProgress.NONE));
    }

    private long headSequence() {
        return jdbc.sql("select last_sequence from audit_chain_head where id = 1")
                .query(Long.class)
                .single();
    }

    private static AuditEntry entry(String subject, String details) {
        return new AuditEntry("bm-000000000001", "bamf", "test.recorded", "test", subject, details);
    }
}
