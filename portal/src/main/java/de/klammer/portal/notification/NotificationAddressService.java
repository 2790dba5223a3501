package de.klammer.portal.notification;

import de.klammer.portal.audit.AuditEntry;
import de.klammer.portal.audit.AuditService;
import de.klammer.portal.notification.internal.AddressCipher;
import de.klammer.portal.notification.internal.MailOutboxRepository;
import de.klammer.portal.notification.internal.StoredAddress;
import de.klammer.portal.notification.internal.StoredAddressRepository;
import de.klammer.portal.security.CurrentUser;
import de.klammer.portal.security.PortalUser;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The signed-in board member's own notification address. It is stored only when the member enters it, encrypted, and
 * deleted on the member's request. The audit trail records that it changed, never the address.
 */
@Service
@Transactional
public class NotificationAddressService {

    private static final Logger log = LoggerFactory.getLogger(NotificationAddressService.class);

    /** Maximum address length: SMTP (RFC 5321) limits a path, the address in angle brackets, to 256 octets. */
    static final int MAX_ADDRESS_LENGTH = 254;

    /** Languages that notification e-mail is written in. */
    public static final Set<String> LANGUAGES = Set.of("de", "en");

    private static final Pattern ADDRESS = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final StoredAddressRepository addresses;
    private final MailOutboxRepository outbox;
    private final AddressCipher cipher;
    private final CurrentUser currentUser;
    private final AuditService audit;

    NotificationAddressService(
            StoredAddressRepository addresses,
            MailOutboxRepository outbox,
            AddressCipher cipher,
            CurrentUser currentUser,
            AuditService audit) {
        this.addresses = addresses;
        this.outbox = outbox;
        this.cipher = cipher;
        this.currentUser = currentUser;
        this.audit = audit;
    }

    /** Returns the member's stored address, decrypted, if they gave one. */
    @PreAuthorize("hasRole('BOARD_MEMBER')")
    @Transactional(readOnly = true)
    public Optional<NotificationAddress> current() {
        PortalUser.BoardMemberRef member = member();
        return addresses.findById(member.id()).map(stored -> new NotificationAddress(
                cipher.decrypt(member.id(), stored.masterKeyId(), stored.addressCiphertext()), stored.language()));
    }

    /**
     * Stores the member's address and language, replacing an earlier one.
     *
     * @throws IllegalArgumentException when the address is not an e-mail address or the language is not de or en
     * @throws IllegalStateException when no master key is configured
     */
    @PreAuthorize("hasRole('BOARD_MEMBER')")
    public void save(String address, String language) {
        String trimmed = address == null ? "" : address.strip();
        if (trimmed.length() > MAX_ADDRESS_LENGTH || !ADDRESS.matcher(trimmed).matches()) {
            // The message leaves the value out, since it may be personal data.
            throw new IllegalArgumentException("The notification address is not a valid e-mail address; enter it as"
                    + " name@authority.example with at most " + MAX_ADDRESS_LENGTH + " characters");
        }
        if (!LANGUAGES.contains(language)) {
            throw new IllegalArgumentException(
                    "Notification language '" + language + "' is not supported; choose de or en");
        }

        PortalUser.BoardMemberRef member = member();
        byte[] ciphertext = cipher.encrypt(member.id(), trimmed);
        Optional<StoredAddress> existing = addresses.findById(member.id());
        if (existing.isPresent()) {
            existing.get().replace(ciphertext, cipher.keyId(), language);
        } else {
            addresses.save(new StoredAddress(member.id(), ciphertext, cipher.keyId(), language));
        }
        record(member, "notification-address.saved", "e-mail notifications in " + language);
    }

    /** Deletes the member's address; pending e-mails to it are then dropped instead of sent. */
    @PreAuthorize("hasRole('BOARD_MEMBER')")
    public void delete() {
        PortalUser.BoardMemberRef member = member();
        if (!addresses.existsById(member.id())) {
            return;
        }
        addresses.deleteById(member.id());
        outbox.findByBoardMemberId(member.id()).stream()
                .filter(entry -> "pending".equals(entry.status()))
                .forEach(entry -> entry.markNoAddress());
        record(member, "notification-address.deleted", "address deleted; pending e-mails dropped");
    }

    /** Returns whether addresses can be stored, that is whether a master key is configured. */
    public boolean available() {
        return cipher.available();
    }

    private void record(PortalUser.BoardMemberRef member, String action, String details) {
        PortalUser user = currentUser.require();
        audit.record(new AuditEntry(
                member.pseudonym(),
                user.authority() == null ? null : user.authority().code(),
                action,
                "board-member",
                member.id().toString(),
                details));
        log.atInfo().addKeyValue("pseudonym", member.pseudonym()).log("Changed notification address: {}", action);
    }

    private PortalUser.BoardMemberRef member() {
        PortalUser.BoardMemberRef member = currentUser.require().boardMember();
        if (member == null) {
            throw new IllegalStateException("The signed-in user has no board-member record; sign in as a board member");
        }
        return member;
    }
}
