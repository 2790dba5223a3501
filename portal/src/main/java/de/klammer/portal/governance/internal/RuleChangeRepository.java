package de.klammer.portal.governance.internal;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

/** Access to the {@code decision_rule_change} table. */
public interface RuleChangeRepository extends JpaRepository<RuleChange, UUID> {}
