package de.klammer.portal.offboarding;

import de.klammer.ledger.RemovalPreview;
import de.klammer.portal.audit.AuditEntry;
import de.klammer.portal.audit.AuditService;
import de.klammer.portal.authority.Authority;
import de.klammer.portal.authority.AuthorityService;
import de.klammer.portal.authority.AuthorityStatus;
import de.klammer.portal.governance.ProposalDetails;
import de.klammer.portal.governance.ProposalService;
import de.klammer.portal.governance.ProposalSummary;
import de.klammer.portal.governance.ProposalTexts;
import de.klammer.portal.identity.AuthorityIdentityRevocation;
import de.klammer.portal.ledger.ChannelView;
import de.klammer.portal.ledger.LedgerGateway;
import de.klammer.portal.ledger.OrganizationView;
import de.klammer.portal.ledger.PolicyView;
import de.klammer.portal.offboarding.PreviewFinding.Kind;
import de.klammer.portal.offboarding.internal.OffboardingStore;
import de.klammer.portal.security.CurrentUser;
import de.klammer.portal.security.PortalUser;
import de.klammer.portal.security.UserPseudonyms;
import de.klammer.portal.shell.PortalProperties;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Offboards an authority through the board: previews what the remaining authorities could no longer satisfy, opens
 * the proposal that removes its organisation from the channel, and lists the offboardings with the state of their
 * identity revocation. {@link OffboardingDecisions} archives the authority when the removal is applied.
 */
@Service
@Transactional
public class OffboardingService {

    private static final Logger log = LoggerFactory.getLogger(OffboardingService.class);

    private final AuthorityService authorities;
    private final LedgerGateway ledger;
    private final ProposalService proposals;
    private final AuthorityIdentityRevocation identities;
    private final OffboardingStore store;
    private final OffboardingRevocation revocation;
    private final AuditService audit;
    private final CurrentUser currentUser;
    private final String channel;

    OffboardingService(
            AuthorityService authorities,
            LedgerGateway ledger,
            ProposalService proposals,
            AuthorityIdentityRevocation identities,
            OffboardingStore store,
            OffboardingRevocation revocation,
            AuditService audit,
            CurrentUser currentUser,
            PortalProperties properties) {
        this.authorities = authorities;
        this.ledger = ledger;
        this.proposals = proposals;
        this.identities = identities;
        this.store = store;
        this.revocation = revocation;
        this.audit = audit;
        this.currentUser = currentUser;
        this.channel = properties.channel();
    }

    /** Returns the active authorities whose organisation is on the channel, ordered by code. */
    @PreAuthorize("hasAnyRole('AUTHORITY_ADMIN', 'BOARD_MEMBER', 'NETWORK_OPERATOR')")
    @Transactional(readOnly = true)
    public List<Authority> candidates() {
        Set<String> onChannel = ledger.readChannel(channel).organizations().stream()
                .map(OrganizationView::mspId)
                .collect(Collectors.toSet());
        return authorities.findActive().stream().filter(authority -> onChannel.contains(authority.mspId())).toList();
    }

    /**
     * Computes the preview of offboarding the authority. Every policy that the remaining authorities could no longer
     * satisfy, a missing writer and another offboarding of it still under way block the proposal. Policies and ACLs
     * that name the leaving organisation are warnings.
     *
     * @throws IllegalArgumentException when no active authority has the id
     * @throws de.klammer.portal.ledger.ChangeRejectedException when its organisation is not on the channel
     */
    @PreAuthorize("hasAnyRole('AUTHORITY_ADMIN', 'BOARD_MEMBER', 'NETWORK_OPERATOR')")
    @Transactional(readOnly = true)
    public OffboardingPreview preview(UUID authorityId) {
        Authority authority = requireActive(authorityId);
        RemovalPreview removal = ledger.previewRemoval(channel, authority.mspId());

        List<PreviewFinding> findings = new ArrayList<>();
        store.findUndecided(authorityId).ifPresent(row -> findings.add(
                new PreviewFinding(Kind.ALREADY_PROPOSED, referenceOf(row.proposalId()))));
        removal.unsatisfiablePolicies()
                .forEach(path -> findings.add(new PreviewFinding(Kind.UNSATISFIABLE_POLICY, path)));
        if (removal.writersProblem() != null) {
            findings.add(new PreviewFinding(Kind.NO_WRITER, removal.writersProblem()));
        }
        findings.addAll(warnings(authority.mspId(), removal));
        findings.add(new PreviewFinding(
                Kind.IDENTITIES_TO_END, Integer.toString(identities.countOutstanding(authorityId))));
        return new OffboardingPreview(
                authority.id(), authority.name(), authority.mspId(), removal.remainingOrganizations(), findings);
    }

    /**
     * Opens the proposal that removes the authority's organisation from the channel, voted on under the offboarding
     * rule, with the preview as the proposal's record of its effect. Proposing counts as the proposer's yes vote.
     *
     * @throws OffboardingBlockedException when the preview has a blocking finding
     * @throws IllegalArgumentException when no active authority has the id, or a text is blank or too long
     */
    @PreAuthorize("hasRole('BOARD_MEMBER')")
    public ProposalDetails propose(UUID authorityId, ProposalTexts texts) {
        OffboardingPreview preview = preview(authorityId);
        if (preview.blocked()) {
            throw new OffboardingBlockedException(preview.mspId(), preview.findings());
        }

        ProposalDetails proposal = proposals.proposeOffboarding(texts, preview.mspId(), preview.describe());
        store.insert(proposal.id(), authorityId, preview.mspId());
        authorities.linkOffboardingProposal(authorityId, proposal.id());
        PortalUser user = currentUser.require();
        audit.record(new AuditEntry(UserPseudonyms.of(user), authorityCode(user), "offboarding.proposed", "authority",
                preview.mspId(), "proposal " + proposal.reference() + "; " + String.join("; ", preview.describe())));
        log.atInfo()
                .addKeyValue("mspId", preview.mspId())
                .addKeyValue("proposal", proposal.reference())
                .log("Proposed offboarding of an authority");
        return proposal;
    }

    /** Returns every offboarding, newest first. */
    @PreAuthorize("hasAnyRole('AUTHORITY_ADMIN', 'BOARD_MEMBER', 'AUDITOR', 'NETWORK_OPERATOR')")
    @Transactional(readOnly = true)
    public List<Offboarding> list() {
        Map<UUID, String> names = authorities.findAll().stream()
                .collect(Collectors.toMap(Authority::id, Authority::name));
        return store.findAll().stream()
                .map(row -> new Offboarding(
                        row.proposalId(),
                        referenceOf(row.proposalId()),
                        row.authorityId(),
                        names.getOrDefault(row.authorityId(), row.mspId()),
                        row.mspId(),
                        OffboardingState.fromDatabaseValue(row.state()),
                        row.endedIdentities(),
                        row.attempts(),
                        row.lastError(),
                        row.updatedAt()))
                .toList();
    }

    /**
     * Runs the identity revocation of an applied offboarding again, after a failure or while it is still marked as
     * revoking.
     *
     * @return the state afterwards
     * @throws IllegalStateException when the offboarding has no outstanding revocation
     */
    @PreAuthorize("hasAnyRole('AUTHORITY_ADMIN', 'BOARD_MEMBER', 'NETWORK_OPERATOR')")
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public OffboardingState retryRevocation(UUID proposalId) {
        PortalUser user = currentUser.require();
        OffboardingState state = revocation.run(proposalId, UserPseudonyms.of(user));
        if (state == null) {
            throw new IllegalStateException("Offboarding proposal " + proposalId
                    + " has no outstanding identity revocation; only an applied offboarding whose revocation is"
                    + " outstanding or failed can be retried");
        }
        return state;
    }

    private List<PreviewFinding> warnings(String mspId, RemovalPreview removal) {
        String ownGroup = "/Channel/Application/" + mspId + "/";
        List<PreviewFinding> warnings = new ArrayList<>();
        ChannelView live = ledger.readChannel(channel);
        for (PolicyView policy : live.policies()) {
            boolean namesOrganization = policy.text().contains(mspId + ".");
            if (namesOrganization
                    && !policy.path().startsWith(ownGroup)
                    && !removal.unsatisfiablePolicies().contains(policy.path())) {
                warnings.add(new PreviewFinding(Kind.POLICY_NAMES_ORGANIZATION, policy.path()));
            }
        }
        ledger.readAcls(channel).forEach((resource, policyPath) -> {
            if (policyPath.startsWith(ownGroup)) {
                warnings.add(new PreviewFinding(Kind.ACL_ON_REMOVED_POLICY, resource + " -> " + policyPath));
            }
        });
        return warnings;
    }

    private Authority requireActive(UUID authorityId) {
        Authority authority = authorities.findById(authorityId)
                .orElseThrow(() -> new IllegalArgumentException("No authority with id " + authorityId));
        AuthorityStatus status = authorities.statusOf(authorityId);
        if (status != AuthorityStatus.ACTIVE) {
            throw new IllegalArgumentException("Authority " + authority.code() + " is " + status.databaseValue()
                    + ", so it cannot be offboarded; only active authorities can");
        }
        return authority;
    }

    private String referenceOf(UUID proposalId) {
        return proposals.findSummary(proposalId).map(ProposalSummary::reference).orElse(proposalId.toString());
    }

    private static @Nullable String authorityCode(PortalUser user) {
        return user.authority() == null ? null : user.authority().code();
    }
}
