package de.klammer.portal.notification.internal;

import jakarta.persistence.LockModeType;
import jakarta.persistence.QueryHint;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.QueryHints;

/** Access to the {@code mail_outbox} table. */
public interface MailOutboxRepository extends JpaRepository<MailOutboxEntry, UUID> {

    @Query("select entry.id from MailOutboxEntry entry where entry.status = 'pending' and entry.nextAttemptAt <= ?1"
            + " order by entry.nextAttemptAt")
    List<UUID> findDueIds(Instant now, Limit limit);

    /** Locks a pending entry; skips it when another transaction holds it, as a second sender would. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @QueryHints(@QueryHint(name = "jakarta.persistence.lock.timeout", value = "-2"))
    @Query("select entry from MailOutboxEntry entry where entry.id = ?1 and entry.status = 'pending'")
    Optional<MailOutboxEntry> lockPending(UUID id);

    List<MailOutboxEntry> findByBoardMemberId(UUID boardMemberId);
}
