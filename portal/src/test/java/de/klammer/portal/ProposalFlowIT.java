package de.klammer.portal;

import static org.assertj.core.api.Assertions.assertThat;

import de.klammer.portal.browser.BoardSteps;
import de.klammer.portal.browser.PortalBrowser;
import de.klammer.portal.governance.internal.LedgerSubmitter;
import de.klammer.portal.ledger.ChannelView;
import de.klammer.portal.ledger.LedgerGateway;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The board's path through the browser against the real orderer. A BAMF member proposes and cannot approve. A second
 * BAMF member approves without reaching the majority, then an LDS member approves. The submitter applies the update,
 * and the proposal shows the config block that the channel now has.
 */
@LedgerIntegrationTest
class ProposalFlowIT {

    private static final Pattern APPLIED = Pattern.compile("Angewendet in Konfigurationsblock (\\d+), Sequenz (\\d+)\\.");

    @LocalServerPort
    int port;

    @Autowired
    LedgerGateway ledger;

    @Autowired
    LedgerSubmitter submitter;

    @Test
    void appliesProposalApprovedByBothAuthorities() throws IOException {
        String rule = BoardSteps.endorsementFlip(ledger, "asyl-status");

        String reference = BoardSteps.propose(baseUrl(), "bamf", "bamf-board-1", rule);
        BoardSteps.approve(baseUrl(), "bamf", "bamf-board-2", reference, "Offen");
        BoardSteps.approve(baseUrl(), "lds", "lds-board-1", reference, "Beschlossen");
        submitter.processDueSubmissions();

        try (PortalBrowser auditor = PortalBrowser.open(baseUrl())) {
            auditor.signIn("lds", "lds-auditor");
            auditor.openProposal(reference);

            assertThat(auditor.text(By.id("proposal-status"))).isEqualTo("Angewendet");
            Matcher applied = APPLIED.matcher(auditor.text(By.id("proposal-applied")));
            assertThat(applied.matches()).as("applied line").isTrue();
            ChannelView channel = ledger.readChannel("asyl-status");
            assertThat(channel.configBlockNumber()).isEqualTo(Long.parseLong(applied.group(1)));
            assertThat(channel.sequence()).isEqualTo(Long.parseLong(applied.group(2)));
            assertThat(channel.policies()).filteredOn(policy -> policy.path().equals(BoardSteps.ENDORSEMENT))
                    .singleElement()
                    .satisfies(policy -> assertThat(policy.text()).isEqualTo(rule.replace(" ", " of ")));
        }
    }

    private String baseUrl() {
        return "http://127.0.0.1:" + port;
    }
}
