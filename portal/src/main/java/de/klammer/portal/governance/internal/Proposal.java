package de.klammer.portal.governance.internal;

import de.klammer.portal.governance.ChangeType;
import de.klammer.portal.governance.DecisionRule;
import de.klammer.portal.governance.ProposalStatus;
import de.klammer.portal.governance.ProposalTexts;
import de.klammer.portal.ledger.AppliedUpdate;
import de.klammer.portal.ledger.PolicyChange;
import de.klammer.portal.ledger.PreparedUpdate;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A proposed change: a policy change with the exact config update that board members approve, or a rule change that
 * applies in the database. It keeps a copy of the decision rule it was opened under. Status changes go through
 * methods that reject transitions the life cycle does not allow.
 */
@Entity
@Table(name = "proposal")
public class Proposal {

    /** Change kind that sets one policy to a new rule. */
    static final String CHANGE_KIND_SET_POLICY = "set-policy";
    /** Change kind that replaces a decision rule; it has no config update. */
    static final String CHANGE_KIND_RULE_CHANGE = "rule-change";
    /** Change kind that applies a concept version: every policy and ACL change of its plan in one update. */
    static final String CHANGE_KIND_CONCEPT_VERSION = "concept-version";
    /** Change kind that adds an organisation to the channel's application group. */
    static final String CHANGE_KIND_ORGANIZATION_ADDITION = "organization-addition";
    /** Prefix of {@code change_path} for an organisation addition, followed by the MSP ID. */
    public static final String ORGANIZATION_ADDITION_PATH_PREFIX = "organization-addition/";
    /** Prefix of {@code change_path} for a concept version, followed by the version number. */
    public static final String CONCEPT_VERSION_PATH_PREFIX = "concept-version/";
    /** Change kind that removes an authority's organisation from the channel's application group. */
    static final String CHANGE_KIND_ORGANIZATION_REMOVAL = "organization-removal";
    /** Prefix of {@code change_path} for an organisation removal, followed by the MSP ID. */
    public static final String ORGANIZATION_REMOVAL_PATH_PREFIX = "organization-removal/";

    @Id
    private UUID id = new UUID(0, 0);

    @Column(nullable = false, unique = true, updatable = false)
    private String reference = "";

    @Column(nullable = false)
    private String title = "";

    @Column(nullable = false)
    private String rationale = "";

    @Column(nullable = false, updatable = false)
    private String channel = "";

    @Column(name = "change_kind", nullable = false, updatable = false)
    private String changeKind = CHANGE_KIND_SET_POLICY;

    @Column(name = "change_path", nullable = false, updatable = false)
    private String changePath = "";

    @Column(name = "change_policy", nullable = false, updatable = false)
    private String changePolicy = "";

    @Convert(converter = ProposalStatusConverter.class)
    @Column(nullable = false)
    private ProposalStatus status = ProposalStatus.DRAFT;

    @Column(name = "proposer_id", updatable = false)
    private @Nullable UUID proposerId;

    @Column(name = "proposer_pseudonym", updatable = false)
    private @Nullable String proposerPseudonym;

    @Column(name = "proposer_authority_id", updatable = false)
    private @Nullable UUID proposerAuthorityId;

    @Column(name = "base_sequence", nullable = false)
    private long baseSequence;

    @Column(name = "config_update")
    private byte @Nullable [] configUpdate;

    @Column(name = "config_update_sha256")
    private @Nullable String configUpdateSha256;

    @Convert(converter = LinesConverter.class)
    @Column(name = "write_set", nullable = false)
    private List<String> writeSet = List.of();

    @Convert(converter = LinesConverter.class)
    @Column(name = "required_signatures", nullable = false)
    private List<String> requiredSignatures = List.of();

    @Convert(converter = LinesConverter.class)
    @Column(name = "signing_msp_ids", nullable = false)
    private List<String> signingMspIds = List.of();

    @Column(name = "applied_block")
    private @Nullable Long appliedBlock;

    @Column(name = "applied_sequence")
    private @Nullable Long appliedSequence;

    @Column(name = "failure_reason")
    private @Nullable String failureReason;

    @Column(name = "change_type", nullable = false, updatable = false)
    private String changeType = "";

    @Column(name = "legal_basis", nullable = false, updatable = false)
    private String legalBasis = "";

    @Column(name = "personal_data", nullable = false, updatable = false)
    private boolean personalData;

    @Column(name = "rule_threshold", nullable = false, updatable = false)
    private String ruleThreshold = "";

    @Column(name = "rule_counting", nullable = false, updatable = false)
    private String ruleCounting = "";

    @Column(name = "rule_min_turnout_percent", nullable = false, updatable = false)
    private int ruleMinTurnoutPercent;

    @Column(name = "rule_veto_roles", nullable = false, updatable = false)
    private String ruleVetoRoles = "";

    @Column(name = "rule_veto_personal_data_only", nullable = false, updatable = false)
    private boolean ruleVetoPersonalDataOnly;

    @Column(name = "voting_deadline")
    private @Nullable Instant votingDeadline;

    @Column(name = "deadline_notice_sent_at")
    private @Nullable Instant deadlineNoticeSentAt;

    @Convert(converter = LinesConverter.class)
    @Column(name = "missing_signatures", nullable = false)
    private List<String> missingSignatures = List.of();

    @Column(name = "decided_at")
    private @Nullable Instant decidedAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt = Instant.EPOCH;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt = Instant.EPOCH;

    @Version
    private long version;

    protected Proposal() {}

    /**
     * Creates an open proposal for a config update that the ledger has just prepared, voted on under {@code rule}
     * until the end of the rule's voting period.
     */
    public static Proposal open(
            String reference,
            ProposalTexts texts,
            PolicyChange change,
            UUID proposerId,
            PreparedUpdate update,
            DecisionRule rule) {
        Proposal proposal = create(reference, texts, proposerId, rule);
        proposal.changeKind = CHANGE_KIND_SET_POLICY;
        proposal.channel = update.channel();
        proposal.changePath = change.path();
        proposal.changePolicy = change.policyText();
        proposal.useUpdate(update);
        proposal.transitionTo(ProposalStatus.OPEN);
        return proposal;
    }

    /**
     * Creates an open proposal that applies concept version {@code versionNumber} with a config update that the ledger
     * has just prepared. The readable difference to the applied version is kept as the change's text, one line each.
     */
    public static Proposal openConceptVersion(
            String reference,
            ProposalTexts texts,
            int versionNumber,
            List<String> differences,
            UUID proposerId,
            PreparedUpdate update,
            DecisionRule rule) {
        if (differences.isEmpty()) {
            throw new IllegalArgumentException("A concept-version proposal needs at least one line of difference");
        }
        return openLedgerChange(reference, texts, proposerId, rule, CHANGE_KIND_CONCEPT_VERSION,
                CONCEPT_VERSION_PATH_PREFIX + versionNumber, differences, update);
    }

    /**
     * Creates an open proposal that removes the organisation {@code mspId} from the channel with a config update that
     * the ledger has just prepared. The preview lines (what the remaining authorities can no longer satisfy) are kept
     * as the change's text, one line each.
     */
    public static Proposal openOrganizationRemoval(
            String reference,
            ProposalTexts texts,
            String mspId,
            List<String> previewLines,
            UUID proposerId,
            PreparedUpdate update,
            DecisionRule rule) {
        return openLedgerChange(reference, texts, proposerId, rule, CHANGE_KIND_ORGANIZATION_REMOVAL,
                ORGANIZATION_REMOVAL_PATH_PREFIX + mspId, previewLines, update);
    }

    /** Creates an open proposal of a change kind whose readable effect is stored as lines in {@code change_policy}. */
    private static Proposal openLedgerChange(
            String reference,
            ProposalTexts texts,
            UUID proposerId,
            DecisionRule rule,
            String changeKind,
            String changePath,
            List<String> lines,
            PreparedUpdate update) {
        Proposal proposal = create(reference, texts, proposerId, rule);
        proposal.openWithLines(changeKind, changePath, lines, update);
        return proposal;
    }

    /**
     * Creates an open proposal that adds the organisation {@code mspId} to the channel with a config update that the
     * ledger has just prepared. An authority administrator proposes it, so the proposer is no board member and casts
     * no vote. The readable description of the new organisation is kept as the change's text, one line each.
     */
    public static Proposal openOrganizationAddition(
            String reference,
            ProposalTexts texts,
            String mspId,
            List<String> description,
            String proposerPseudonym,
            UUID proposerAuthorityId,
            PreparedUpdate update,
            DecisionRule rule) {
        if (description.isEmpty()) {
            throw new IllegalArgumentException("An organisation-addition proposal needs at least one line of description");
        }
        Proposal proposal = create(reference, texts, null, rule);
        proposal.proposerPseudonym = proposerPseudonym;
        proposal.proposerAuthorityId = proposerAuthorityId;
        proposal.openWithLines(CHANGE_KIND_ORGANIZATION_ADDITION, ORGANIZATION_ADDITION_PATH_PREFIX + mspId, description,
                update);
        return proposal;
    }

    /** Opens a proposal whose change text is readable lines, such as a concept version or an organisation addition. */
    private void openWithLines(String kind, String path, List<String> lines, PreparedUpdate update) {
        this.changeKind = kind;
        this.channel = update.channel();
        this.changePath = path;
        this.changePolicy = String.join("\n", lines);
        useUpdate(update);
        transitionTo(ProposalStatus.OPEN);
    }

    /**
     * Creates an open proposal to replace the decision rule of {@code newRule.changeType()}, voted on under
     * {@code ruleForRuleChanges}.
     */
    public static Proposal openRuleChange(
            String reference,
            ProposalTexts texts,
            String channel,
            DecisionRule newRule,
            UUID proposerId,
            DecisionRule ruleForRuleChanges) {
        Proposal proposal = create(reference, texts, proposerId, ruleForRuleChanges);
        proposal.changeKind = CHANGE_KIND_RULE_CHANGE;
        proposal.channel = channel;
        proposal.changePath = "decision-rule/" + newRule.changeType().databaseValue();
        proposal.changePolicy = RuleTexts.describe(newRule);
        proposal.updatedAt = proposal.createdAt;
        proposal.transitionTo(ProposalStatus.OPEN);
        return proposal;
    }

    private static Proposal create(
            String reference, ProposalTexts texts, @Nullable UUID proposerId, DecisionRule rule) {
        Proposal proposal = new Proposal();
        proposal.id = UUID.randomUUID();
        proposal.reference = reference;
        proposal.title = texts.title();
        proposal.rationale = texts.rationale();
        proposal.legalBasis = texts.legalBasis();
        proposal.personalData = texts.touchesPersonalData();
        proposal.proposerId = proposerId;
        proposal.createdAt = Instant.now();
        proposal.changeType = rule.changeType().databaseValue();
        proposal.ruleThreshold = rule.threshold().databaseValue();
        proposal.ruleCounting = rule.counting().databaseValue();
        proposal.ruleMinTurnoutPercent = rule.minTurnoutPercent();
        proposal.ruleVetoRoles = RuleColumns.roles(rule.vetoRoles());
        proposal.ruleVetoPersonalDataOnly = rule.vetoPersonalDataOnly();
        proposal.votingDeadline = proposal.createdAt.plus(rule.votingPeriod());
        return proposal;
    }

    /** Marks the proposal approved: the decision rule passed and the ledger's signature requirement is met. */
    public void markApproved() {
        transitionTo(ProposalStatus.APPROVED);
        this.decidedAt = updatedAt;
    }

    /** Marks the proposal rejected by the vote or a veto. */
    public void markRejected() {
        transitionTo(ProposalStatus.REJECTED);
        this.decidedAt = updatedAt;
    }

    /** Marks the proposal expired: its voting deadline passed without a decision the ledger would accept. */
    public void markExpired(String reason) {
        transitionTo(ProposalStatus.EXPIRED);
        this.failureReason = reason;
        this.decidedAt = updatedAt;
    }

    /** Marks an approved rule change applied; it has no config block. */
    public void markRuleApplied() {
        if (!isRuleChange()) {
            throw new IllegalStateException("Proposal " + reference + " changes the ledger, not a decision rule");
        }
        transitionTo(ProposalStatus.APPLIED);
    }

    /** Records that the deadline notice was published; returns false when it already was. */
    public boolean markDeadlineNoticeSent() {
        if (deadlineNoticeSentAt != null) {
            return false;
        }
        this.deadlineNoticeSentAt = Instant.now();
        return true;
    }

    /** Stores what the ledger still needs, one plain line each. */
    public void recordMissingSignatures(List<String> missing) {
        this.missingSignatures = List.copyOf(missing);
    }

    /** Returns whether the voting deadline is at or before {@code now}. */
    public boolean isPastDeadline(Instant now) {
        return votingDeadline != null && !votingDeadline.isAfter(now);
    }

    /** Marks the proposal submitted: the ordering service accepted the broadcast. */
    public void markSubmitted() {
        transitionTo(ProposalStatus.SUBMITTED);
    }

    /** Marks the proposal applied in the given config block. */
    public void markApplied(AppliedUpdate applied) {
        transitionTo(ProposalStatus.APPLIED);
        this.appliedBlock = applied.blockNumber();
        this.appliedSequence = applied.sequence();
    }

    /** Marks the proposal failed with the reason the ordering service gave. */
    public void markFailed(String reason) {
        transitionTo(ProposalStatus.FAILED);
        this.failureReason = reason;
    }

    /** Marks the proposal stale: the channel config moved on since the update was computed. */
    public void markStale() {
        transitionTo(ProposalStatus.STALE);
    }

    /** Replaces the config update with a freshly computed one and opens the proposal again. */
    public void reopen(PreparedUpdate update) {
        transitionTo(ProposalStatus.OPEN);
        useUpdate(update);
    }

    /**
     * Returns the stored config update with everything needed to sign, evaluate and submit it.
     *
     * @throws IllegalStateException for a rule change, which has no config update
     */
    public PreparedUpdate preparedUpdate() {
        if (configUpdate == null || configUpdateSha256 == null) {
            throw new IllegalStateException("Proposal " + reference + " is a rule change and has no config update");
        }
        return new PreparedUpdate(
                channel, configUpdate, configUpdateSha256, baseSequence, writeSet, requiredSignatures, signingMspIds);
    }

    /** Returns the decision rule the proposal is voted on under, as it was when the proposal opened. */
    public DecisionRule rule() {
        Duration period = votingDeadline == null ? DecisionRule.MAX_VOTING_PERIOD : Duration.between(createdAt, votingDeadline);
        if (period.compareTo(DecisionRule.MIN_VOTING_PERIOD) < 0 || period.compareTo(DecisionRule.MAX_VOTING_PERIOD) > 0
                || period.toSeconds() % 3600 != 0) {
            period = DecisionRule.MAX_VOTING_PERIOD;
        }
        return RuleColumns.rule(
                changeType,
                ruleThreshold,
                ruleCounting,
                ruleMinTurnoutPercent,
                ruleVetoRoles,
                ruleVetoPersonalDataOnly,
                period);
    }

    public boolean isRuleChange() {
        return CHANGE_KIND_RULE_CHANGE.equals(changeKind);
    }

    public boolean isConceptVersion() {
        return CHANGE_KIND_CONCEPT_VERSION.equals(changeKind);
    }

    public boolean isOrganizationAddition() {
        return CHANGE_KIND_ORGANIZATION_ADDITION.equals(changeKind);
    }

    public boolean isOrganizationRemoval() {
        return CHANGE_KIND_ORGANIZATION_REMOVAL.equals(changeKind);
    }

    /** Returns the MSP ID that an organisation-removal proposal removes. */
    public String removedMspId() {
        if (!isOrganizationRemoval()) {
            throw new IllegalStateException("Proposal " + reference + " removes no organisation");
        }
        return changePath.substring(ORGANIZATION_REMOVAL_PATH_PREFIX.length());
    }

    /** Returns the readable difference of a concept-version proposal, one line each, or an empty list otherwise. */
    public List<String> conceptDifferences() {
        return isConceptVersion() ? List.of(changePolicy.split("\n")) : List.of();
    }

    public ChangeType changeType() {
        return ChangeType.fromDatabaseValue(changeType);
    }

    public PolicyChange change() {
        return new PolicyChange(changePath, changePolicy);
    }

    private void useUpdate(PreparedUpdate update) {
        if (!update.channel().equals(channel)) {
            throw new IllegalArgumentException(
                    "Update for channel " + update.channel() + " does not belong to proposal on channel " + channel);
        }
        this.configUpdate = update.configUpdate();
        this.configUpdateSha256 = update.sha256();
        this.baseSequence = update.baseSequence();
        this.writeSet = update.writeSet();
        this.requiredSignatures = update.requiredSignatures();
        this.signingMspIds = update.signingMspIds();
        this.missingSignatures = update.requiredSignatures();
        this.updatedAt = Instant.now();
    }

    private void transitionTo(ProposalStatus next) {
        if (!status.canTransitionTo(next)) {
            throw new IllegalStateException("Proposal " + reference + " cannot move from status "
                    + status.databaseValue() + " to " + next.databaseValue());
        }
        this.status = next;
        this.updatedAt = Instant.now();
    }

    public UUID id() {
        return id;
    }

    public String reference() {
        return reference;
    }

    public String title() {
        return title;
    }

    public String rationale() {
        return rationale;
    }

    public String channel() {
        return channel;
    }

    public ProposalStatus status() {
        return status;
    }

    /** Returns the proposing board member, or null when an authority administrator proposed it. */
    public @Nullable UUID proposerId() {
        return proposerId;
    }

    /** Returns the pseudonym of the proposing authority administrator, or null when a board member proposed it. */
    public @Nullable String proposerPseudonym() {
        return proposerPseudonym;
    }

    public @Nullable UUID proposerAuthorityId() {
        return proposerAuthorityId;
    }

    public @Nullable String configUpdateSha256() {
        return configUpdateSha256;
    }

    public String legalBasis() {
        return legalBasis;
    }

    public boolean touchesPersonalData() {
        return personalData;
    }

    public @Nullable Instant votingDeadline() {
        return votingDeadline;
    }

    public List<String> missingSignatures() {
        return missingSignatures;
    }

    public @Nullable Instant decidedAt() {
        return decidedAt;
    }

    public List<String> signingMspIds() {
        return signingMspIds;
    }

    public @Nullable Long appliedBlock() {
        return appliedBlock;
    }

    public @Nullable Long appliedSequence() {
        return appliedSequence;
    }

    public @Nullable String failureReason() {
        return failureReason;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
