package de.klammer.portal.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import de.klammer.portal.IntegrationTest;
import de.klammer.portal.audit.AuditEvent;
import de.klammer.portal.audit.AuditService;
import de.klammer.portal.authority.AuthorityService;
import de.klammer.portal.authority.BoardMemberService;
import de.klammer.portal.governance.ProposalDeadlineApproaching;
import de.klammer.portal.governance.ProposalDecided;
import de.klammer.portal.governance.ProposalOpened;
import de.klammer.portal.governance.ProposalStatus;
import de.klammer.portal.notification.internal.MailOutboxSender;
import de.klammer.portal.security.PortalUser;
import de.klammer.portal.security.TestUsers;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

@IntegrationTest
class NotificationTests {

    private static final ServerSetup SMTP = new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);

    private static GreenMail smtpServer;

    @Autowired
    NotificationService notifications;

    @Autowired
    NotificationAddressService addresses;

    @Autowired
    MailOutboxSender sender;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditService audit;

    @Autowired
    AuthorityService authorities;

    @Autowired
    BoardMemberService boardMembers;

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", SMTP::getBindAddress);
        registry.add("spring.mail.port", SMTP::getPort);
        registry.add("klammer.portal.notifications.initial-backoff", () -> "PT1M");
    }

    @BeforeAll
    static void startSmtpServer() {
        smtpServer = new GreenMail(SMTP);
        smtpServer.start();
    }

    @AfterAll
    static void stopSmtpServer() {
        smtpServer.stop();
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    @Test
    void writesInboxRowForEachEvent() {
        PortalUser member = users().boardMember("bamf");
        UUID proposalId = UUID.randomUUID();
        Instant deadline = Instant.parse("2026-12-24T11:00:00Z");

        publish(new ProposalOpened(proposalId, "P-2026-0901", "Endorsement lockern", deadline));
        publish(new ProposalDeadlineApproaching(proposalId, "P-2026-0901", "Endorsement lockern", deadline));
        publish(new ProposalDecided(proposalId, "P-2026-0901", "Endorsement lockern", ProposalStatus.APPLIED));

        TestUsers.signIn(member);
        List<InboxItem> inbox = inboxOf(proposalId);
        assertThat(inbox).extracting(InboxItem::kind)
                .containsExactlyInAnyOrder(
                        NotificationKind.VOTE_WAITING, NotificationKind.DEADLINE_APPROACHING, NotificationKind.DECIDED);
        assertThat(inbox).allMatch(item -> !item.read());
        InboxItem decided = inbox.stream()
                .filter(item -> item.kind() == NotificationKind.DECIDED)
                .findFirst()
                .orElseThrow();
        assertThat(decided.outcome()).isEqualTo("applied");
        assertThat(notifications.summary(decided, java.util.Locale.ENGLISH))
                .isEqualTo("Proposal P-2026-0901 \"Endorsement lockern\" is decided: applied.");
        assertThat(audit.findBySubject("proposal", "P-2026-0901"))
                .extracting(AuditEvent::action)
                .containsExactly(
                        "notification.vote-waiting", "notification.deadline-approaching", "notification.decided");
    }

    @Test
    void repeatedEventAddsNoSecondRow() {
        PortalUser member = users().boardMember("lds");
        UUID proposalId = UUID.randomUUID();
        ProposalOpened opened = new ProposalOpened(proposalId, "P-2026-0902", "Zweimal", null);

        publish(opened);
        publish(opened);

        TestUsers.signIn(member);
        assertThat(inboxOf(proposalId)).hasSize(1);
    }

    @Test
    void eventOutsideTransactionIsRejected() {
        ProposalOpened opened = new ProposalOpened(UUID.randomUUID(), "P-2026-0903", "Ohne Transaktion", null);

        assertThatExceptionOfType(RuntimeException.class).isThrownBy(() -> events.publishEvent(opened));
    }

    @Test
    void marksNotificationsRead() {
        PortalUser member = users().boardMember("bamf");
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        publish(new ProposalOpened(first, "P-2026-0904", "Erster", null));
        publish(new ProposalOpened(second, "P-2026-0905", "Zweiter", null));
        TestUsers.signIn(member);
        long unreadBefore = notifications.unreadCount();

        notifications.markRead(inboxOf(first).getFirst().id());

        assertThat(notifications.unreadCount()).isEqualTo(unreadBefore - 1);
        assertThat(inboxOf(first).getFirst().read()).isTrue();
        assertThat(notifications.inbox(true)).extracting(InboxItem::proposalId).doesNotContain(first);
        notifications.markAllRead();
        assertThat(notifications.unreadCount()).isZero();
    }

    @Test
    void foreignNotificationCannotBeMarkedRead() {
        PortalUser owner = users().boardMember("bamf");
        PortalUser other = users().boardMember("lds");
        UUID proposalId = UUID.randomUUID();
        publish(new ProposalOpened(proposalId, "P-2026-0906", "Fremd", null));
        TestUsers.signIn(owner);
        UUID ownersNotification = inboxOf(proposalId).getFirst().id();

        TestUsers.signIn(other);

        assertThatExceptionOfType(IllegalArgumentException.class)
                .isThrownBy(() -> notifications.markRead(ownersNotification))
                .withMessageContaining("No notification " + ownersNotification);
    }

    @Test
    void inboxNeedsBoardMember() {
        TestUsers.signIn(users().user("lds", de.klammer.portal.security.PortalRole.AUDITOR));

        assertThatExceptionOfType(AccessDeniedException.class).isThrownBy(() -> notifications.inbox(false));
    }

    @Test
    void deliversMailInRecipientLanguage() throws Exception {
        String germanAddress = "gremium-de-" + UUID.randomUUID() + "@bamf.example";
        String englishAddress = "board-en-" + UUID.randomUUID() + "@lds.example";
        saveAddress(users().boardMember("bamf"), germanAddress, "de");
        saveAddress(users().boardMember("lds"), englishAddress, "en");

        publish(new ProposalOpened(UUID.randomUUID(), "P-2026-0907", "Leser erweitern", null));
        sender.sendDue();

        MimeMessage german = receivedBy(germanAddress);
        MimeMessage english = receivedBy(englishAddress);
        assertThat(german.getSubject()).isEqualTo("Abstimmung offen: P-2026-0907 – Leser erweitern");
        assertThat(english.getSubject()).isEqualTo("Vote open: P-2026-0907 – Leser erweitern");
        assertThat(english.getFrom()[0].toString()).isEqualTo("klammer@localhost");
        assertThat(body(german)).contains("wartet auf Ihre Stimme").contains("/proposals/");
        assertThat(body(english)).contains("waits for your vote");
    }

    @Test
    void deliversDecisionMailWithOutcome() throws Exception {
        String address = "decided-" + UUID.randomUUID() + "@bamf.example";
        saveAddress(users().boardMember("bamf"), address, "de");

        publish(new ProposalDecided(UUID.randomUUID(), "P-2026-0908", "Abgelehnt", ProposalStatus.REJECTED));
        sender.sendDue();

        assertThat(receivedBy(address).getSubject()).isEqualTo("Entschieden (abgelehnt): P-2026-0908 – Abgelehnt");
    }

    @Test
    void keepsMailWhileSmtpServerIsDown() throws Exception {
        String address = "retry-" + UUID.randomUUID() + "@lds.example";
        PortalUser member = users().boardMember("lds");
        saveAddress(member, address, "en");
        sender.sendDue();
        smtpServer.stop();
        UUID proposalId = UUID.randomUUID();
        try {
            publish(new ProposalOpened(proposalId, "P-2026-0909", "Server weg", null));

            sender.sendDue();

            Map<String, Object> row = outboxRowOf(member);
            assertThat(row.get("status")).isEqualTo("pending");
            assertThat(row.get("attempts")).isEqualTo(1);
            assertThat((String) row.get("last_error")).isNotBlank().doesNotContain(address);
            assertThat(((java.sql.Timestamp) row.get("next_attempt_at")).toInstant())
                    .isAfter(Instant.now().plus(Duration.ofSeconds(30)));
        } finally {
            smtpServer = new GreenMail(SMTP);
            smtpServer.start();
        }

        sender.sendDue();
        assertThat(outboxRowOf(member).get("status")).as("not yet due").isEqualTo("pending");
        jdbc.sql("update mail_outbox set next_attempt_at = now() where board_member_id = ?")
                .param(member.boardMember().id())
                .update();
        sender.sendDue();

        assertThat(outboxRowOf(member).get("status")).isEqualTo("sent");
        assertThat(outboxRowOf(member).get("attempts")).isEqualTo(2);
        assertThat(receivedBy(address).getSubject()).isEqualTo("Vote open: P-2026-0909 – Server weg");
    }

    @Test
    void deletedAddressStopsDelivery() {
        String address = "deleted-" + UUID.randomUUID() + "@bamf.example";
        PortalUser member = users().boardMember("bamf");
        saveAddress(member, address, "de");
        sender.sendDue();
        publish(new ProposalOpened(UUID.randomUUID(), "P-2026-0910", "Adresse weg", null));

        TestUsers.signIn(member);
        addresses.delete();
        sender.sendDue();

        assertThat(addresses.current()).isEmpty();
        assertThat(outboxRowOf(member).get("status")).isEqualTo("no-address");
        assertThat(Arrays.stream(smtpServer.getReceivedMessages()).filter(message -> sentTo(message, address)))
                .isEmpty();
    }

    @Test
    void storesAddressOnlyEncrypted() {
        String address = "geheim-" + UUID.randomUUID() + "@bamf.example";
        PortalUser member = users().boardMember("bamf");

        saveAddress(member, address, "de");

        TestUsers.signIn(member);
        assertThat(addresses.current()).contains(new NotificationAddress(address, "de"));
        byte[] stored = jdbc.sql("select address_ciphertext from notification_address where board_member_id = ?")
                .param(member.boardMember().id())
                .query(byte[].class)
                .single();
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("geheim");
        assertThat(columnsContaining(address)).isEmpty();
        assertThat(columnsContaining(address.substring(0, address.indexOf('@')))).isEmpty();
    }

    @Test
    void rejectsInvalidAddressUnchanged() {
        PortalUser member = users().boardMember("lds");
        String address = "valid-" + UUID.randomUUID() + "@lds.example";
        saveAddress(member, address, "en");
        TestUsers.signIn(member);

        assertThatExceptionOfType(IllegalArgumentException.class)
                .isThrownBy(() -> addresses.save("kein-at-zeichen", "de"))
                .withMessageContaining("not a valid e-mail address");
        assertThatExceptionOfType(IllegalArgumentException.class)
                .isThrownBy(() -> addresses.save(address, "fr"))
                .withMessageContaining("'fr' is not supported");

        assertThat(addresses.current()).contains(new NotificationAddress(address, "en"));
    }

    @Test
    void auditTrailNamesNoAddress() {
        String address = "audit-" + UUID.randomUUID() + "@bamf.example";
        PortalUser member = users().boardMember("bamf");

        saveAddress(member, address, "de");

        List<AuditEvent> trail = audit.findBySubject("board-member", member.boardMember().id().toString());
        assertThat(trail).extracting(AuditEvent::action).contains("notification-address.saved");
        assertThat(trail).extracting(AuditEvent::details).noneMatch(details -> details.contains("@"));
    }

    /** Returns the text and byte columns of the public schema in which some row contains the value. */
    private List<String> columnsContaining(String value) {
        List<Map<String, Object>> columns = jdbc.sql("""
                        select table_name, column_name, data_type from information_schema.columns
                        where table_schema = 'public' and data_type in ('text', 'character varying', 'bytea')
                        """)
                .query()
                .listOfRows();
        return columns.stream()
                .filter(column -> {
                    String name = "\"" + column.get("table_name") + "\".\"" + column.get("column_name") + "\"";
                    String haystack = "bytea".equals(column.get("data_type"))
                            ? "encode(" + name + ", 'escape')"
                            : name;
                    return jdbc.sql("select count(*) from " + name.substring(0, name.indexOf('.')) + " where position(? in "
                                    + haystack + ") > 0")
                            .param(value)
                            .query(Long.class)
                            .single() > 0;
                })
                .map(column -> column.get("table_name") + "." + column.get("column_name"))
                .toList();
    }

    private void saveAddress(PortalUser member, String address, String language) {
        TestUsers.signIn(member);
        try {
            addresses.save(address, language);
        } finally {
            TestUsers.signOut();
        }
    }

    private void publish(Object event) {
        transactions.executeWithoutResult(status -> events.publishEvent(event));
    }

    private List<InboxItem> inboxOf(UUID proposalId) {
        return notifications.inbox(false).stream()
                .filter(item -> item.proposalId().equals(proposalId))
                .toList();
    }

    private Map<String, Object> outboxRowOf(PortalUser member) {
        return jdbc.sql("select status, attempts, last_error, next_attempt_at from mail_outbox"
                        + " where board_member_id = ? order by created_at desc limit 1")
                .param(member.boardMember().id())
                .query()
                .singleRow();
    }

    private static MimeMessage receivedBy(String address) {
        return Arrays.stream(smtpServer.getReceivedMessages())
                .filter(message -> sentTo(message, address))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No e-mail to " + address));
    }

    private static boolean sentTo(MimeMessage message, String address) {
        try {
            return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                    .anyMatch(recipient -> recipient.toString().equals(address));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String body(MimeMessage message) throws IOException, MessagingException {
        return message.getContent().toString();
    }

    private TestUsers users() {
        return new TestUsers(authorities, boardMembers);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("No free port for the SMTP server", e);
        }
    }
}
