package de.klammer.portal.governance.internal;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

/** Access to the {@code decision_rule} table. */
public interface StoredRuleRepository extends JpaRepository<StoredRule, String> {

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select r from StoredRule r where r.changeType = :changeType")
    Optional<StoredRule> findByIdForUpdate(String changeType);
}
