package de.klammer.portal.notification.internal;

import de.klammer.portal.audit.AuditEntry;
import de.klammer.portal.audit.AuditService;
import de.klammer.portal.authority.BoardMember;
import de.klammer.portal.authority.BoardMemberService;
import de.klammer.portal.governance.ProposalDeadlineApproaching;
import de.klammer.portal.governance.ProposalDecided;
import de.klammer.portal.governance.ProposalOpened;
import de.klammer.portal.notification.NotificationKind;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns governance events into inbox rows and e-mail outbox rows. It runs inside the transaction that publishes the
 * event, so the notifications are committed exactly when the governance step is, and a crash loses none of them.
 *
 * <p>NOTE: the events carry no list of the authorities a proposal concerns, so every board member is notified.
 * Every authority on the channel votes on its configuration, which makes that the same set today.
 */
@Component
class GovernanceNotificationListener {

    private static final Logger log = LoggerFactory.getLogger(GovernanceNotificationListener.class);
    private static final String ACTOR = "system:notifications";

    private final BoardMemberService boardMembers;
    private final NotificationRepository notifications;
    private final StoredAddressRepository addresses;
    private final MailOutboxRepository outbox;
    private final AuditService audit;

    GovernanceNotificationListener(
            BoardMemberService boardMembers,
            NotificationRepository notifications,
            StoredAddressRepository addresses,
            MailOutboxRepository outbox,
            AuditService audit) {
        this.boardMembers = boardMembers;
        this.notifications = notifications;
        this.addresses = addresses;
        this.outbox = outbox;
        this.audit = audit;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void onProposalOpened(ProposalOpened event) {
        notifyBoardMembers(new Event(
                NotificationKind.VOTE_WAITING,
                event.proposalId(),
                event.reference(),
                event.title(),
                null,
                event.votingDeadline()));
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void onDeadlineApproaching(ProposalDeadlineApproaching event) {
        notifyBoardMembers(new Event(
                NotificationKind.DEADLINE_APPROACHING,
                event.proposalId(),
                event.reference(),
                event.title(),
                null,
                event.votingDeadline()));
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void onProposalDecided(ProposalDecided event) {
        notifyBoardMembers(new Event(
                NotificationKind.DECIDED,
                event.proposalId(),
                event.reference(),
                event.title(),
                event.outcome().databaseValue(),
                null));
    }

    private void notifyBoardMembers(Event event) {
        int notified = 0;
        int mailed = 0;
        for (BoardMember member : boardMembers.findAll()) {
            // A second event of the same kind for the same proposal, for example a retried job, adds nothing.
            if (notifications.existsByBoardMemberIdAndKindAndProposalId(
                    member.id(), event.kind().databaseValue(), event.proposalId())) {
                continue;
            }
            Notification notification = notifications.save(new Notification(
                    member.id(),
                    event.kind(),
                    event.proposalId(),
                    event.reference(),
                    event.title(),
                    event.outcome(),
                    event.dueAt()));
            notified++;
            if (addresses.existsById(member.id())) {
                outbox.save(new MailOutboxEntry(notification.id(), member.id()));
                mailed++;
            }
        }

        audit.record(new AuditEntry(
                ACTOR,
                null,
                "notification." + event.kind().databaseValue(),
                "proposal",
                event.reference(),
                notified + " board members notified in the inbox; " + mailed + " e-mails queued"
                        + (event.outcome() == null ? "" : "; outcome " + event.outcome())));
        log.atInfo()
                .addKeyValue("proposal", event.reference())
                .addKeyValue("kind", event.kind().databaseValue())
                .addKeyValue("notified", notified)
                .addKeyValue("mailed", mailed)
                .log("Notified board members");
    }

    private record Event(
            NotificationKind kind,
            UUID proposalId,
            String reference,
            String title,
            @Nullable String outcome,
            @Nullable Instant dueAt) {}
}
