package de.klammer.portal.bench;

import de.klammer.portal.PortalApplication;
import de.klammer.portal.authority.AuthorityService;
import de.klammer.portal.authority.BoardMemberService;
import de.klammer.portal.governance.ProposalDetails;
import de.klammer.portal.governance.ProposalService;
import de.klammer.portal.governance.ProposalTexts;
import de.klammer.portal.governance.VoteChoice;
import de.klammer.portal.ledger.FabricLedgerExcludeFilter;
import de.klammer.portal.ledger.PolicyChange;
import de.klammer.portal.ledger.TestLedgerConfiguration;
import de.klammer.portal.security.PortalUser;
import de.klammer.portal.security.TestUsers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starts the portal for the load test, as {@code ./klammer load} runs it: the demo profile with embedded PostgreSQL,
 * the in-process OIDC provider and the in-memory ledger in place of the Fabric network. Once the portal is up, it
 * generates the load data, then writes the generation times to the file named by the system property
 * {@code klammer.load.report}. The script waits for that file before it starts the load.
 */
public final class LoadPortalApplication {

    private static final Logger log = LoggerFactory.getLogger(LoadPortalApplication.class);

    /** 500 authorities, 50,000 ledger identities and 1,000,000 audit rows. */
    static final LoadDataGenerator.Volume VOLUME = new LoadDataGenerator.Volume(500, 50_000, 1_000_000);

    /** Proposals that the BAMF board opens through the proposal service, each with one LDS vote. */
    static final int PROPOSALS = 200;

    private LoadPortalApplication() {}

    public static void main(String[] args) throws IOException {
        SpringApplication application = new SpringApplication(PortalApplication.class, TestLedgerConfiguration.class);
        application.addInitializers(context -> context.getBeanFactory()
                .registerSingleton("fabricLedgerExcludeFilter", new FabricLedgerExcludeFilter()));
        ConfigurableApplicationContext context = application.run(args);

        List<LoadDataGenerator.Timing> timings;
        try {
            LoadDataGenerator generator = new LoadDataGenerator(
                    context.getBean(JdbcClient.class), context.getBean(TransactionTemplate.class));
            timings = new ArrayList<>(generator.generate(VOLUME));
            timings.add(openProposals(context));
        } catch (RuntimeException e) {
            // Stop the portal, so the script notices the exit instead of waiting for the report file.
            log.atError().setCause(e).log("Load data generation failed; stopping the portal");
            context.close();
            throw e;
        }

        List<String> lines = new ArrayList<>();
        for (LoadDataGenerator.Timing timing : timings) {
            lines.add("%s: %d rows in %.1f s".formatted(timing.step(), timing.rows(), timing.time().toMillis() / 1e3));
            log.atInfo()
                    .addKeyValue("step", timing.step())
                    .addKeyValue("rows", timing.rows())
                    .addKeyValue("millis", timing.time().toMillis())
                    .log("Generated load data");
        }
        String report = System.getProperty("klammer.load.report");
        if (report != null) {
            Files.write(Path.of(report), lines);
        }
    }

    private static LoadDataGenerator.Timing openProposals(ConfigurableApplicationContext context) {
        TestUsers users =
                new TestUsers(context.getBean(AuthorityService.class), context.getBean(BoardMemberService.class));
        ProposalService proposals = context.getBean(ProposalService.class);
        PortalUser proposer = users.boardMember("bamf");
        PortalUser voter = users.boardMember("lds");
        long start = System.nanoTime();
        for (int i = 0; i < PROPOSALS; i++) {
            TestUsers.signIn(proposer);
            ProposalDetails opened = proposals.propose(
                    new ProposalTexts("Lastprofil " + i, "Vom Lasttest erzeugter Antrag " + i + ".",
                            "Art. 6(1)(e) DSGVO", i % 4 == 0),
                    new PolicyChange("/Channel/Application/Endorsement", i % 2 == 0 ? "ANY Endorsement"
                            : "MAJORITY Endorsement"));
            TestUsers.signIn(voter);
            proposals.vote(opened.id(), VoteChoice.YES, null);
        }
        TestUsers.signOut();
        return new LoadDataGenerator.Timing("proposals with one vote each", PROPOSALS,
                Duration.ofNanos(System.nanoTime() - start));
    }
}
