package de.klammer.portal.shell;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import de.klammer.portal.IntegrationTest;
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
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * Two portal instances on one PostgreSQL: the test's own context and a second one started here on the same database,
 * as a load balancer would run them. Both read and write the same proposals, and both take the scheduled jobs' locks
 * from the same ShedLock table. Each instance has its own in-memory ledger, so this covers the database side only.
 */
@IntegrationTest
class TwoInstancesIT {

    private static ConfigurableApplicationContext second;

    @Autowired
    DataSource dataSource;

    @Autowired
    Environment environment;

    @Autowired
    ProposalService proposals;

    @Autowired
    LockProvider locks;

    @Autowired
    AuthorityService authorities;

    @Autowired
    BoardMemberService boardMembers;

    @Autowired
    SecurityContextHolderStrategy firstSecurity;

    @BeforeEach
    void startSecondInstance() {
        if (second != null) {
            return;
        }
        SpringApplication application = new SpringApplication(PortalApplication.class, TestLedgerConfiguration.class);
        application.addInitializers(context -> context.getBeanFactory()
                .registerSingleton("fabricLedgerExcludeFilter", new FabricLedgerExcludeFilter()));
        // The same issuers as the first instance, so that the second one's authority sync changes nothing.
        second = application.run(
                "--spring.profiles.active=demo,test",
                "--spring.datasource.url=" + ((HikariDataSource) dataSource).getJdbcUrl(),
                "--spring.datasource.username=postgres",
                "--klammer.portal.demo-idp.enabled=false",
                "--klammer.portal.demo-idp.port=" + environment.getProperty("klammer.portal.demo-idp.port"));
        // Each context installs its own security context strategy when it starts; this test signs in on the first.
        SecurityContextHolder.setContextHolderStrategy(firstSecurity);
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    @AfterAll
    static void stopSecondInstance() {
        if (second != null) {
            second.close();
            second = null;
        }
    }

    @Test
    void voteOnSecondInstanceCountsOnFirst() {
        TestUsers users = new TestUsers(authorities, boardMembers);
        PortalUser proposer = users.boardMember("bamf");
        PortalUser voter = users.boardMember("lds");
        TestUsers.signIn(proposer);
        ProposalDetails opened = proposals.propose(
                new ProposalTexts("Two instances", "Opened on one instance.", "Art. 6(1)(e) GDPR", false),
                new PolicyChange("/Channel/Application/Endorsement", "ANY Endorsement"));

        SecurityContextHolder.setContextHolderStrategy(second.getBean(SecurityContextHolderStrategy.class));
        TestUsers.signIn(voter);
        ProposalService secondProposals = second.getBean(ProposalService.class);
        ProposalDetails seenBySecond = secondProposals.getProposal(opened.id());
        secondProposals.vote(opened.id(), VoteChoice.YES, null);
        TestUsers.signOut();

        SecurityContextHolder.setContextHolderStrategy(firstSecurity);
        TestUsers.signIn(proposer);
        ProposalDetails seenByFirst = proposals.getProposal(opened.id());
        assertThat(seenBySecond.reference()).isEqualTo(opened.reference());
        assertThat(seenByFirst.governance().votes())
                .anySatisfy(vote -> assertThat(vote.authorityCode()).isEqualTo("lds"));
    }

    @Test
    void jobLockHeldByOneInstanceBlocksOther() {
        LockProvider secondLocks = second.getBean(LockProvider.class);
        String job = "two-instances-" + UUID.randomUUID();

        Optional<SimpleLock> first = locks.lock(lockFor(job));
        Optional<SimpleLock> whileHeld = secondLocks.lock(lockFor(job));
        first.orElseThrow().unlock();
        Optional<SimpleLock> afterRelease = secondLocks.lock(lockFor(job));

        assertThat(first).isPresent();
        assertThat(whileHeld).isEmpty();
        assertThat(afterRelease).isPresent();
        afterRelease.orElseThrow().unlock();
    }

    private static LockConfiguration lockFor(String name) {
        return new LockConfiguration(Instant.now(), name, Duration.ofMinutes(1), Duration.ZERO);
    }
}
