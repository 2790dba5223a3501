package de.klammer.portal.governance;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A decision rule in force.
 *
 * @param rule the rule
 * @param updatedByProposal reference of the rule-change proposal that put it in force; null for the seeded default
 * @param updatedAt when it was put in force
 */
public record DecisionRuleSummary(DecisionRule rule, @Nullable String updatedByProposal, Instant updatedAt) {}
