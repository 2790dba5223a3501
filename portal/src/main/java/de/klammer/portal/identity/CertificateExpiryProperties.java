package de.klammer.portal.identity;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the certificate expiry warning under {@code klammer.identity}.
 *
 * @param expiryWarningDays how many days before its expiry an active certificate is highlighted and logged
 * @param expiryCheckCron when the expiry check runs, as a Spring cron expression; daily at 06:00 by default
 */
@Validated
@ConfigurationProperties("klammer.identity")
public record CertificateExpiryProperties(
        @DefaultValue("30") @Min(0) int expiryWarningDays, @DefaultValue("0 0 6 * * *") String expiryCheckCron) {}
