package de.klammer.portal.governance.internal;

import de.klammer.portal.governance.VoteChoice;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One voter's current vote on a proposal; a changed vote keeps its first cast time and updates the rest. */
@Entity
@Table(name = "vote")
public class Vote {

    @Id
    private UUID id = new UUID(0, 0);

    @Column(name = "proposal_id", nullable = false, updatable = false)
    private UUID proposalId = new UUID(0, 0);

    @Column(name = "voter_pseudonym", nullable = false, updatable = false)
    private String voterPseudonym = "";

    @Column(name = "board_member_id", updatable = false)
    private @Nullable UUID boardMemberId;

    @Column(name = "authority_id", nullable = false, updatable = false)
    private UUID authorityId = new UUID(0, 0);

    @Convert(converter = VoteChoiceConverter.class)
    @Column(nullable = false)
    private VoteChoice choice = VoteChoice.ABSTAIN;

    @Column
    private @Nullable String reason;

    @Column(name = "veto_role")
    private @Nullable String vetoRole;

    @Column(name = "cast_at", nullable = false, updatable = false)
    private Instant castAt = Instant.EPOCH;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt = Instant.EPOCH;

    protected Vote() {}

    /** Creates a board member's vote. */
    public static Vote ofBoardMember(
            UUID proposalId,
            String pseudonym,
            UUID boardMemberId,
            UUID authorityId,
            VoteChoice choice,
            @Nullable String reason) {
        if (choice == VoteChoice.VETO) {
            throw new IllegalArgumentException("A board member's vote is yes, no or abstain, not veto");
        }
        Vote vote = create(proposalId, pseudonym, authorityId, choice, reason);
        vote.boardMemberId = boardMemberId;
        return vote;
    }

    /** Creates a veto by a holder of a veto role. */
    public static Vote veto(UUID proposalId, String pseudonym, UUID authorityId, String vetoRole, String reason) {
        Vote vote = create(proposalId, pseudonym, authorityId, VoteChoice.VETO, reason);
        vote.vetoRole = vetoRole;
        return vote;
    }

    private static Vote create(
            UUID proposalId, String pseudonym, UUID authorityId, VoteChoice choice, @Nullable String reason) {
        Vote vote = new Vote();
        vote.id = UUID.randomUUID();
        vote.proposalId = proposalId;
        vote.voterPseudonym = pseudonym;
        vote.authorityId = authorityId;
        vote.choice = choice;
        vote.reason = reason;
        vote.castAt = Instant.now();
        vote.updatedAt = vote.castAt;
        return vote;
    }

    /** Replaces the choice and reason of a board member's vote. */
    public void change(VoteChoice newChoice, @Nullable String newReason) {
        if (choice == VoteChoice.VETO || newChoice == VoteChoice.VETO) {
            throw new IllegalStateException("A veto cannot be changed, and a vote cannot become a veto");
        }
        this.choice = newChoice;
        this.reason = newReason;
        this.updatedAt = Instant.now();
    }

    public UUID id() {
        return id;
    }

    public UUID proposalId() {
        return proposalId;
    }

    public String voterPseudonym() {
        return voterPseudonym;
    }

    public @Nullable UUID boardMemberId() {
        return boardMemberId;
    }

    public UUID authorityId() {
        return authorityId;
    }

    public VoteChoice choice() {
        return choice;
    }

    public @Nullable String reason() {
        return reason;
    }

    public @Nullable String vetoRole() {
        return vetoRole;
    }

    public Instant castAt() {
        return castAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
