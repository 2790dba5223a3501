package de.klammer.portal.audit;

import de.klammer.portal.audit.internal.AuditChainAppender;
import de.klammer.portal.audit.internal.AuditChainAppender.TimedEntry;
import de.klammer.portal.audit.internal.AuditEventEntity;
import de.klammer.portal.audit.internal.AuditEventRepository;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Appends events to the hash-chained audit trail. Recording joins the caller's transaction: the events are
 * appended to the chain just before that transaction commits, so an audit row exists exactly when the step it
 * describes was committed. Appending last keeps the chain head locked only for the commit itself, and a transaction
 * waits for that lock only after its other writes are flushed, which keeps the head out of most lock-order conflicts.
 */
@Service
public class AuditService {

    /** Pattern of an e-mail address, which is personal data and must not enter the trail. */
    private static final Pattern EMAIL_ADDRESS =
            Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");

    private final AuditEventRepository events;
    private final AuditChainAppender appender;
    private final EntityManager entityManager;

    AuditService(AuditEventRepository events, AuditChainAppender appender, EntityManager entityManager) {
        this.events = events;
        this.appender = appender;
        this.entityManager = entityManager;
    }

    /**
     * Records one event, to be appended to the chain when the current transaction commits.
     *
     * @throws IllegalArgumentException when a field contains an e-mail address; use the pseudonym instead
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(AuditEntry entry) {
        rejectEmailAddress("actor", entry.actor(), entry);
        rejectEmailAddress("subjectId", entry.subjectId(), entry);
        rejectEmailAddress("details", entry.details(), entry);

        TimedEntry timed = new TimedEntry(entry, Instant.now().truncatedTo(ChronoUnit.MICROS));
        PendingEvents pending = PendingEvents.current();
        if (pending == null) {
            pending = new PendingEvents(appender, entityManager);
            pending.bind();
        }
        pending.add(timed);
    }

    /**
     * Returns the text with every e-mail address replaced by {@code <e-mail address>}. Callers that quote messages of
     * other systems in the details, such as CA or orderer errors, pass them through this first, because Fabric
     * identity names like {@code Admin@bamf.example.com} look like addresses and {@link #record} would reject them.
     */
    public static String withoutEmailAddresses(String text) {
        return EMAIL_ADDRESS.matcher(text).replaceAll("<e-mail address>");
    }

    /** Returns the events about one subject, oldest first, including those the current transaction recorded. */
    @Transactional(readOnly = true)
    public List<AuditEvent> findBySubject(String subjectType, String subjectId) {
        Stream<AuditEvent> stored = events.findBySubjectTypeAndSubjectIdOrderBySequenceAsc(subjectType, subjectId)
                .stream()
                .map(AuditEventEntity::toEvent);
        PendingEvents pending = PendingEvents.current();
        Stream<AuditEvent> uncommitted = pending == null
                ? Stream.empty()
                : pending.unwritten().stream()
                        .filter(timed -> timed.entry().subjectType().equals(subjectType)
                                && timed.entry().subjectId().equals(subjectId))
                        .map(AuditService::uncommittedEvent);
        return Stream.concat(stored, uncommitted).toList();
    }

    private static void rejectEmailAddress(String field, String value, AuditEntry entry) {
        if (EMAIL_ADDRESS.matcher(value).find()) {
            // The message leaves the value out, since it is personal data.
            throw new IllegalArgumentException("Audit entry " + entry.action() + " on " + entry.subjectType()
                    + " contains an e-mail address in its " + field
                    + "; the audit trail stores pseudonyms only, so replace the address with the person's pseudonym");
        }
    }

    private static AuditEvent uncommittedEvent(TimedEntry timed) {
        AuditEntry entry = timed.entry();
        return new AuditEvent(
                0,
                0,
                timed.occurredAt(),
                entry.actor(),
                entry.authorityCode(),
                entry.action(),
                entry.subjectType(),
                entry.subjectId(),
                entry.details());
    }

    /**
     * Events recorded in one transaction, bound to it as a transaction resource. Spring suspends the
     * synchronization with its transaction, and this class unbinds the resource then, so an inner
     * {@code REQUIRES_NEW} transaction collects its own events.
     */
    private static final class PendingEvents implements TransactionSynchronization {

        private final AuditChainAppender appender;
        private final EntityManager entityManager;
        private final List<TimedEntry> unwritten = new ArrayList<>();
        private boolean appendedBeforeCommit;

        PendingEvents(AuditChainAppender appender, EntityManager entityManager) {
            this.appender = appender;
            this.entityManager = entityManager;
        }

        static @Nullable PendingEvents current() {
            return (PendingEvents) TransactionSynchronizationManager.getResource(PendingEvents.class);
        }

        void bind() {
            TransactionSynchronizationManager.bindResource(PendingEvents.class, this);
            TransactionSynchronizationManager.registerSynchronization(this);
        }

        void add(TimedEntry timed) {
            if (appendedBeforeCommit) {
                // Recorded by another synchronization after this one ran; the head lock is already held.
                appender.append(List.of(timed));
                return;
            }
            unwritten.add(timed);
        }

        List<TimedEntry> unwritten() {
            return List.copyOf(unwritten);
        }

        @Override
        public int getOrder() {
            // Last among the synchronizations, so that their writes are flushed before the head is locked.
            return LOWEST_PRECEDENCE;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            // Flush first, so the transaction holds all its other row locks before it waits for the chain head.
            entityManager.flush();
            appender.append(unwritten);
            unwritten.clear();
            appendedBeforeCommit = true;
        }

        @Override
        public void suspend() {
            TransactionSynchronizationManager.unbindResource(PendingEvents.class);
        }

        @Override
        public void resume() {
            TransactionSynchronizationManager.bindResource(PendingEvents.class, this);
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(PendingEvents.class);
        }
    }
}
