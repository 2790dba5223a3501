package de.klammer.portal;

import static org.assertj.core.api.Assertions.assertThat;

import de.klammer.portal.browser.PortalBrowser;
import de.klammer.portal.ledger.ChannelView;
import de.klammer.portal.ledger.LedgerGateway;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The channel overview shows organisations and policies read live from the real orderer, in German and English. */
@LedgerIntegrationTest
class ChannelOverviewIT {

    @LocalServerPort
    int port;

    @Autowired
    LedgerGateway ledger;

    @Test
    void showsLiveOrganisationsAndPolicies() throws IOException {
        try (PortalBrowser auditor = PortalBrowser.open("http://127.0.0.1:" + port)) {
            auditor.signIn("lds", "lds-auditor");
            auditor.openPage("/channel");
            ChannelView channel = ledger.readChannel("asyl-status");

            assertThat(auditor.text(By.tagName("h1"))).isEqualTo("Kanal asyl-status");
            assertThat(auditor.text(By.id("channel-summary"))).isEqualTo("Konfigurationssequenz " + channel.sequence()
                    + ", Konfigurationsblock " + channel.configBlockNumber() + ", live aus dem Ledger gelesen.");
            assertThat(auditor.text(By.id("organization-grid"))).contains("BamfMSP", "LdsMSP", "OrdererMSP");
            assertThat(auditor.text(By.id("policy-grid")))
                    .contains("/Channel/Application/Admins", "MAJORITY of Admins", "1 of {BamfMSP.admin}");

            auditor.switchLanguage("English");
            auditor.openPage("/channel");

            assertThat(auditor.text(By.tagName("h1"))).isEqualTo("Channel asyl-status");
            assertThat(auditor.text(By.id("channel-summary"))).startsWith("Config sequence ");
        }
    }
}
