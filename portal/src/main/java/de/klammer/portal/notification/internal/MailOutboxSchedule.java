package de.klammer.portal.notification.internal;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the e-mail sender on a fixed delay. The ShedLock lock in the shared database lets one portal instance send at
 * a time; {@code lockAtMostFor} must exceed the longest run (one SMTP timeout per due e-mail).
 */
@Component
@ConditionalOnBooleanProperty(name = "klammer.portal.notifications.sender-enabled", matchIfMissing = true)
class MailOutboxSchedule {

    private final MailOutboxSender sender;

    MailOutboxSchedule(MailOutboxSender sender) {
        this.sender = sender;
    }

    @Scheduled(initialDelay = 0, fixedDelayString = "${klammer.portal.notifications.poll-interval:PT30S}")
    @SchedulerLock(name = "mail-outbox", lockAtMostFor = "PT30M")
    public void run() {
        sender.sendDue();
    }
}
