package de.klammer.portal.concept;

import static org.assertj.core.api.Assertions.assertThat;

import de.klammer.ledger.ChannelAdmin;
import de.klammer.ledger.ConfigChange;
import de.klammer.ledger.ConfigChange.SetAcl;
import de.klammer.ledger.ConfigChange.SetPolicy;
import de.klammer.ledger.OrdererEndpoint;
import de.klammer.ledger.PolicyRule;
import de.klammer.ledger.PreparedUpdate;
import de.klammer.ledger.SigningIdentities;
import de.klammer.ledger.SigningIdentity;
import de.klammer.portal.LedgerIntegrationTest;
import de.klammer.portal.audit.AuditEvent;
import de.klammer.portal.audit.AuditService;
import de.klammer.portal.authority.AuthorityService;
import de.klammer.portal.authority.BoardMemberService;
import de.klammer.portal.concept.ConceptDrift.DriftFinding;
import de.klammer.portal.concept.ConceptModel.Right;
import de.klammer.portal.concept.ConceptModel.Role;
import de.klammer.portal.concept.ConceptModel.StatusType;
import de.klammer.portal.concept.ConceptModel.SubProcess;
import de.klammer.portal.governance.ProposalDetails;
import de.klammer.portal.governance.ProposalService;
import de.klammer.portal.governance.ProposalStatus;
import de.klammer.portal.governance.ProposalTexts;
import de.klammer.portal.governance.internal.LedgerSubmitter;
import de.klammer.portal.ledger.FabricPeerCommand;
import de.klammer.portal.ledger.TestChannel;
import de.klammer.portal.security.PortalUser;
import de.klammer.portal.security.TestUsers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Changes the channel outside Klammer with Fabric's {@code peer} CLI and checks that drift detection names the
 * changed elements and that a reconciling proposal clears them.
 */
@LedgerIntegrationTest
class ConceptDriftIT {

    private static final String CHANNEL = "asyl-status";

    @Autowired
    ConceptService concept;

    @Autowired
    ConceptApplyService apply;

    @Autowired
    ConceptDriftService drift;

    @Autowired
    ProposalService proposals;

    @Autowired
    LedgerSubmitter submitter;

    @Autowired
    AuthorityService authorities;

    @Autowired
    BoardMemberService boardMembers;

    @Autowired
    AuditService audit;

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    @Test
    void outOfBandChangeShowsAsDrift() throws IOException, InterruptedException {
        ConceptGovernanceSteps steps = new ConceptGovernanceSteps(authorities, boardMembers, proposals, submitter);
        PortalUser proposer = steps.signInBamfMember();
        String probe = "drift-" + UUID.randomUUID().toString().substring(0, 8);
        ConceptVersion version = applyProbeRight(steps, proposer, probe);
        assertThat(drift.detectNow().findings()).as("drift right after applying").isEmpty();

        String policyPath = "/Channel/Application/Rights." + probe + ".Write";
        changeOutsideKlammer(List.of(
                new SetPolicy(policyPath, PolicyRule.parse("OR('BamfMSP.member', 'LdsMSP.member')")),
                new SetAcl("qscc/GetChainInfo", "Readers")));
        ConceptDrift found = drift.detectNow();

        assertThat(found.versionId()).isEqualTo(version.id());
        assertThat(found.newFindings()).isEqualTo(2);
        assertThat(found.findings()).extracting(DriftFinding::path)
                .containsExactlyInAnyOrder(policyPath, "acl:qscc/GetChainInfo");
        DriftFinding policy = finding(found, policyPath);
        assertThat(policy.expected()).isEqualTo("1 of {BamfMSP.OU(" + probe + "-clerk)}");
        assertThat(policy.found()).isEqualTo("1 of {BamfMSP.member, LdsMSP.member}");
        DriftFinding acl = finding(found, "acl:qscc/GetChainInfo");
        assertThat(acl.expected()).isEqualTo("/Channel/Application/RightsAny.Read");
        assertThat(acl.found()).isEqualTo("/Channel/Application/Readers");

        ConceptDrift again = drift.detectNow();
        assertThat(again.newFindings()).as("findings new in the second run").isZero();
        assertThat(again.findings()).hasSize(2);
        List<AuditEvent> events = audit.findBySubject("concept-version", version.id().toString());
        assertThat(events).filteredOn(event -> event.action().equals("concept.drift.found")).hasSize(2);

        ProposalDetails reconciliation = drift.proposeReconciliation(new ProposalTexts(
                "Abweichung beheben", "Außerhalb von Klammer geändert", "Verwaltungsvereinbarung", false));
        assertThat(reconciliation.conceptDifferences())
                .contains("Reconcile " + policyPath + ": set it back from 1 of {BamfMSP.member, LdsMSP.member} to"
                        + " 1 of {BamfMSP.OU(" + probe + "-clerk)}");
        ProposalDetails decided = steps.approveAndSubmit(reconciliation.id(), proposer);

        assertThat(decided.status()).isEqualTo(ProposalStatus.APPLIED);
        ConceptDrift after = drift.detectNow();
        assertThat(after.findings()).isEmpty();
        assertThat(concept.current()).map(ConceptVersion::id).contains(version.id());
        assertThat(audit.findBySubject("concept-version", version.id().toString()))
                .filteredOn(event -> event.action().equals("concept.drift.resolved"))
                .hasSize(2);
    }

    private ConceptVersion applyProbeRight(ConceptGovernanceSteps steps, PortalUser proposer, String probe) {
        ConceptModel model = concept.model(concept.openDraft().id());
        if (model.subProcesses().stream().noneMatch(sub -> sub.code().equals("registration"))) {
            concept.addSubProcess(new SubProcess("registration", "Registrierung, Aktenanlage und Anhörung"));
        }
        concept.addStatusType(new StatusType(probe, "registration", "Prüfstatus"));
        concept.saveRole(new Role(probe + "-clerk", "Prüfsachbearbeitung", null, "bamf", List.of()));
        concept.setRight(new Right(probe + "-clerk", probe, Action.WRITE), true);
        ConceptVersion draft = concept.draft().orElseThrow();
        ProposalDetails proposal = apply.proposeDraft(new ProposalTexts(
                "Konzeptversion " + draft.number(), "Prüfstatus für Abweichungen", "Verwaltungsvereinbarung", false));
        assertThat(steps.approveAndSubmit(proposal.id(), proposer).status()).isEqualTo(ProposalStatus.APPLIED);
        return concept.current().orElseThrow();
    }

    private static DriftFinding finding(ConceptDrift drift, String path) {
        return drift.findings().stream().filter(finding -> finding.path().equals(path)).findFirst().orElseThrow();
    }

    /**
     * Changes the channel with Fabric's own CLI: ledger-admin only computes the config update, then the LDS admin
     * signs it with {@code peer channel signconfigtx} and the BAMF admin signs and submits it with {@code peer
     * channel update}. No portal code takes part.
     */
    private static void changeOutsideKlammer(List<ConfigChange> changes) throws IOException, InterruptedException {
        Properties network = TestChannel.network();
        OrdererEndpoint orderer = TestChannel.orderer(network);
        SigningIdentity bamf = identity(network, "bamf-admin");
        Path workDir = Files.createTempDirectory("klammer-fabric-cli");
        FabricPeerCommand cli = FabricPeerCommand.create(network, workDir);
        try (ChannelAdmin admin = new ChannelAdmin(orderer, bamf)) {
            PreparedUpdate update = admin.prepare(CHANNEL, changes);
            Path envelope = workDir.resolve("update.pb");
            Files.write(envelope, ChannelAdmin.exportForSigning(CHANNEL, update.configUpdate(), List.of()));
            cli.signConfigTx(envelope, "lds-admin");
            cli.update(envelope, CHANNEL, "bamf-admin");
            assertThat(admin.awaitApplied(CHANNEL, update.configUpdate(), update.baseSequence(), Duration.ofSeconds(60)))
                    .as("update applied by peer channel update")
                    .isPresent();
        }
    }

    private static SigningIdentity identity(Properties network, String name) {
        return SigningIdentities.fromPem(
                network.getProperty("identity." + name + ".msp"),
                Path.of(network.getProperty("identity." + name + ".cert")),
                Path.of(network.getProperty("identity." + name + ".key")));
    }
}
