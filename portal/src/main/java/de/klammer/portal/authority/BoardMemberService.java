package de.klammer.portal.authority;

import de.klammer.portal.audit.AuditEntry;
import de.klammer.portal.audit.AuditService;
import de.klammer.portal.authority.internal.BoardMemberEntity;
import de.klammer.portal.authority.internal.BoardMemberRepository;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Registers board members on their first sign-in. A member is stored with a random pseudonym and the SHA-256 of
 * issuer and subject, so the portal recognises a returning member without storing who the person is.
 */
@Service
public class BoardMemberService {

    private static final Logger log = LoggerFactory.getLogger(BoardMemberService.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final BoardMemberRepository members;
    private final AuditService audit;
    private final TransactionTemplate transactions;

    BoardMemberService(BoardMemberRepository members, AuditService audit, TransactionTemplate transactions) {
        this.members = members;
        this.audit = audit;
        this.transactions = transactions;
    }

    /**
     * Returns the board member for this issuer and subject, creating one with a new pseudonym on the first sign-in.
     * The subject is hashed here and never stored or logged.
     */
    public BoardMember registerSignIn(Authority authority, String issuer, String subject) {
        String subjectHash = subjectHash(issuer, subject);
        Optional<BoardMember> existing = findBySubjectHash(subjectHash);
        if (existing.isPresent()) {
            return existing.get();
        }

        try {
            return transactions.execute(status -> create(authority, subjectHash));
        } catch (DataIntegrityViolationException concurrentSignIn) {
            // Two first sign-ins of the same person raced; the other one created the row.
            return findBySubjectHash(subjectHash).orElseThrow(() -> concurrentSignIn);
        }
    }

    /** Finds a board member by database id. */
    @Transactional(readOnly = true)
    public Optional<BoardMember> findById(UUID id) {
        return members.findById(id).map(BoardMemberEntity::toBoardMember);
    }

    /** Counts the board members of an authority, that is everyone with the role who has signed in at least once. */
    @Transactional(readOnly = true)
    public long countByAuthority(UUID authorityId) {
        return members.countByAuthorityId(authorityId);
    }

    /** Returns the board members of all authorities. */
    @Transactional(readOnly = true)
    public List<BoardMember> findAll() {
        return members.findAll().stream().map(BoardMemberEntity::toBoardMember).toList();
    }

    /** Returns the lower-case hex SHA-256 of {@code issuer + "|" + subject}. */
    public static String subjectHash(String issuer, String subject) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] hash = digest.digest((issuer + "|" + subject).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }

    private Optional<BoardMember> findBySubjectHash(String subjectHash) {
        return transactions.execute(status -> members.findBySubjectHash(subjectHash).map(BoardMemberEntity::toBoardMember));
    }

    private BoardMember create(Authority authority, String subjectHash) {
        BoardMemberEntity entity = members.saveAndFlush(new BoardMemberEntity(authority.id(), newPseudonym(), subjectHash));
        BoardMember member = entity.toBoardMember();
        audit.record(new AuditEntry(
                member.pseudonym(),
                authority.code(),
                "board-member.registered",
                "board-member",
                member.id().toString(),
                "first sign-in with the board member role"));
        log.atInfo()
                .addKeyValue("pseudonym", member.pseudonym())
                .addKeyValue("authority", authority.code())
                .log("Registered board member on first sign-in");
        return member;
    }

    private static String newPseudonym() {
        byte[] random = new byte[6];
        RANDOM.nextBytes(random);
        return "bm-" + HexFormat.of().formatHex(random);
    }
}
