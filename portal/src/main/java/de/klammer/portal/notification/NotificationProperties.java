package de.klammer.portal.notification;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the notifications under {@code klammer.portal.notifications}. The SMTP server itself is Spring Boot's
 * {@code spring.mail.*}.
 *
 * @param mailFrom sender address of notification e-mail
 * @param portalUrl base URL of the portal, for the link in each e-mail
 * @param senderEnabled whether the e-mail sender runs on a schedule; tests switch it off to drive it by hand
 * @param pollInterval pause between two runs of the sender
 * @param initialBackoff wait after the first failed attempt of an e-mail; doubles with each further failure
 * @param maxBackoff longest wait between two attempts
 * @param maxAttempts attempts after which an e-mail is given up and marked failed
 */
@Validated
@ConfigurationProperties("klammer.portal.notifications")
public record NotificationProperties(
        @DefaultValue("klammer@localhost") @NotBlank String mailFrom,
        @DefaultValue("http://localhost:8080") @NotBlank String portalUrl,
        @DefaultValue("true") boolean senderEnabled,
        @DefaultValue("PT30S") @NotNull Duration pollInterval,
        @DefaultValue("PT30S") @NotNull Duration initialBackoff,
        @DefaultValue("PT1H") @NotNull Duration maxBackoff,
        @DefaultValue("10") @Min(1) int maxAttempts) {}
