package de.klammer.portal.governance;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of voting deadlines under {@code klammer.portal.governance}.
 *
 * @param deadlinesEnabled whether the scheduled job expires proposals and sends deadline notices
 * @param deadlinePollInterval wait between two runs of that job
 * @param deadlineNotice how long before the voting deadline {@link ProposalDeadlineApproaching} is published
 */
@ConfigurationProperties("klammer.portal.governance")
public record GovernanceProperties(
        @DefaultValue("true") boolean deadlinesEnabled,
        @DefaultValue("PT1M") Duration deadlinePollInterval,
        @DefaultValue("PT48H") Duration deadlineNotice) {}
