package de.klammer.portal.authority.internal;

import de.klammer.portal.authority.BoardMember;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Row of the {@code board_member} table. */
@Entity
@Table(name = "board_member")
public class BoardMemberEntity {

    @Id
    private UUID id = new UUID(0, 0);

    @Column(name = "authority_id", nullable = false, updatable = false)
    private UUID authorityId = new UUID(0, 0);

    @Column(nullable = false, unique = true, updatable = false)
    private String pseudonym = "";

    @Column(name = "subject_hash", nullable = false, unique = true, updatable = false)
    private String subjectHash = "";

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt = Instant.EPOCH;

    protected BoardMemberEntity() {}

    public BoardMemberEntity(UUID authorityId, String pseudonym, String subjectHash) {
        this.id = UUID.randomUUID();
        this.authorityId = authorityId;
        this.pseudonym = pseudonym;
        this.subjectHash = subjectHash;
        this.createdAt = Instant.now();
    }

    public BoardMember toBoardMember() {
        return new BoardMember(id, authorityId, pseudonym);
    }
}
