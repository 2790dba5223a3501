package de.klammer.portal.notification.internal;

import de.klammer.portal.audit.AuditEntry;
import de.klammer.portal.audit.AuditService;
import de.klammer.portal.notification.InboxItem;
import de.klammer.portal.notification.NotificationProperties;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.Limit;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends due e-mails of the outbox, one transaction per e-mail: the row is locked, the mail handed to the SMTP server,
 * and the row marked sent in the same transaction. A failed attempt is retried with exponential back-off.
 *
 * <p>NOTE: delivery is at least once, not exactly once. When the server accepted a mail but the commit that marks it
 * sent fails (a crash, a lost database connection), the next run sends it again. ShedLock and the row lock keep two
 * instances from sending the same row at the same time.
 */
@Component
public class MailOutboxSender {

    private static final Logger log = LoggerFactory.getLogger(MailOutboxSender.class);
    private static final int BATCH_SIZE = 50;
    private static final Pattern EMAIL_ADDRESS = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+");

    private final MailOutboxRepository outbox;
    private final NotificationRepository notifications;
    private final StoredAddressRepository addresses;
    private final AddressCipher cipher;
    private final NotificationMails mails;
    private final ObjectProvider<JavaMailSender> mailSender;
    private final NotificationProperties properties;
    private final TransactionTemplate transactions;
    private final AuditService audit;
    private volatile boolean warnedNoMailServer;

    MailOutboxSender(
            MailOutboxRepository outbox,
            NotificationRepository notifications,
            StoredAddressRepository addresses,
            AddressCipher cipher,
            NotificationMails mails,
            ObjectProvider<JavaMailSender> mailSender,
            NotificationProperties properties,
            TransactionTemplate transactions,
            AuditService audit) {
        this.outbox = outbox;
        this.notifications = notifications;
        this.addresses = addresses;
        this.cipher = cipher;
        this.mails = mails;
        this.mailSender = mailSender;
        this.properties = properties;
        this.transactions = transactions;
        this.audit = audit;
    }

    /**
     * Sends every e-mail that is due now and returns how many were sent. Without an SMTP server
     * ({@code spring.mail.host} unset) the e-mails stay in the outbox.
     */
    public int sendDue() {
        JavaMailSender sender = mailSender.getIfAvailable();
        if (sender == null) {
            warnNoMailServerOnce();
            return 0;
        }
        List<UUID> due = transactions.execute(status -> outbox.findDueIds(Instant.now(), Limit.of(BATCH_SIZE)));
        int sent = 0;
        for (UUID id : due == null ? List.<UUID>of() : due) {
            if (Boolean.TRUE.equals(transactions.execute(status -> sendOne(sender, id)))) {
                sent++;
            }
        }
        return sent;
    }

    private boolean sendOne(JavaMailSender sender, UUID id) {
        Optional<MailOutboxEntry> locked = outbox.lockPending(id);
        if (locked.isEmpty()) {
            return false;
        }
        MailOutboxEntry entry = locked.get();
        Optional<StoredAddress> address = addresses.findById(entry.boardMemberId());
        if (address.isEmpty()) {
            entry.markNoAddress();
            log.atInfo().addKeyValue("outbox", entry.id()).log("Dropped notification e-mail: the address was deleted");
            return false;
        }

        InboxItem item = notifications
                .findById(entry.notificationId())
                .orElseThrow(() -> new IllegalStateException("Notification " + entry.notificationId()
                        + " of outbox row " + entry.id() + " is missing"))
                .toInboxItem();
        try {
            sender.send(message(address.get(), item));
        } catch (MailException e) {
            recordFailure(entry, e);
            return false;
        }

        entry.markSent(Instant.now());
        audit.record(new AuditEntry(
                "system:mail-outbox", null, "notification.mailed", "proposal", item.proposalReference(),
                item.kind().databaseValue() + " e-mail of outbox row " + entry.id() + " sent after "
                        + entry.attempts() + " attempts"));
        log.atInfo()
                .addKeyValue("outbox", entry.id())
                .addKeyValue("attempts", entry.attempts())
                .log("Sent notification e-mail");
        return true;
    }

    private void warnNoMailServerOnce() {
        if (!warnedNoMailServer) {
            warnedNoMailServer = true;
            log.atWarn().log("No SMTP server is configured (spring.mail.host); notification e-mails stay in the outbox");
        }
    }

    private SimpleMailMessage message(StoredAddress address, InboxItem item) {
        Locale locale = Locale.forLanguageTag(address.language());
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(properties.mailFrom());
        message.setTo(cipher.decrypt(address.boardMemberId(), address.masterKeyId(), address.addressCiphertext()));
        message.setSubject(mails.subject(item, locale));
        message.setText(mails.body(item, locale));
        return message;
    }

    private void recordFailure(MailOutboxEntry entry, MailException error) {
        // SMTP replies often quote the recipient, so addresses are masked before the error is stored or logged.
        String reason = EMAIL_ADDRESS
                .matcher(error.getClass().getSimpleName() + ": " + error.getMostSpecificCause().getMessage())
                .replaceAll("<address>");
        Instant now = Instant.now();
        entry.markAttemptFailed(reason, now, backoff(entry.attempts() + 1), properties.maxAttempts());
        if ("failed".equals(entry.status())) {
            log.atError()
                    .addKeyValue("outbox", entry.id())
                    .addKeyValue("attempts", entry.attempts())
                    .log("Gave up sending a notification e-mail: {}", reason);
        } else {
            log.atWarn()
                    .addKeyValue("outbox", entry.id())
                    .addKeyValue("attempts", entry.attempts())
                    .addKeyValue("nextAttemptAt", entry.nextAttemptAt())
                    .log("Sending a notification e-mail failed; will retry: {}", reason);
        }
    }

    /** Returns the wait after the given failed attempt: the initial back-off doubled per earlier failure, capped. */
    Duration backoff(int failedAttempt) {
        Duration wait = properties.initialBackoff();
        for (int i = 1; i < failedAttempt && wait.compareTo(properties.maxBackoff()) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(properties.maxBackoff()) > 0 ? properties.maxBackoff() : wait;
    }
}
