package de.klammer.portal.governance.internal;

import static org.assertj.core.api.Assertions.assertThat;

import de.klammer.portal.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

@IntegrationTest
@TestPropertySource(properties = {"klammer.portal.submitter.enabled=true", "klammer.portal.submitter.poll-interval=PT1S"})
class LedgerSubmitterScheduleTests {

    @Autowired
    JdbcClient jdbc;

    @Test
    void runsAtStartupUnderShedLock() throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        long locks = 0;
        while (locks == 0 && Instant.now().isBefore(deadline)) {
            locks = jdbc.sql("select count(*) from shedlock where name = 'ledger-submitter'")
                    .query(Long.class)
                    .single();
            Thread.sleep(200);
        }

        assertThat(locks).isEqualTo(1);
    }
}
