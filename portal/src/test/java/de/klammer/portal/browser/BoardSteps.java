package de.klammer.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import de.klammer.portal.ledger.LedgerGateway;
import de.klammer.portal.ledger.PolicyView;
import java.io.IOException;
import org.openqa.selenium.By;

/** Steps of the board's flow in the browser, shared by the tests that run it against the real network. */
public final class BoardSteps {

    public static final String ENDORSEMENT = "/Channel/Application/Endorsement";

    private BoardSteps() {}

    /** Returns a rule for the Endorsement policy that differs from the live one, as the policy text to type. */
    public static String endorsementFlip(LedgerGateway ledger, String channel) {
        String current = ledger.readChannel(channel).policies().stream()
                .filter(policy -> policy.path().equals(ENDORSEMENT))
                .map(PolicyView::text)
                .findFirst()
                .orElseThrow(() -> new AssertionError("channel has no policy " + ENDORSEMENT));
        return current.equals("MAJORITY of Endorsement") ? "ANY Endorsement" : "MAJORITY Endorsement";
    }

    /** Signs in as the proposer, proposes the rule for Endorsement and returns the proposal's reference. */
    public static String propose(String baseUrl, String authorityCode, String username, String rule)
            throws IOException {
        try (PortalBrowser proposer = PortalBrowser.open(baseUrl)) {
            proposer.signIn(authorityCode, username);
            String reference = proposer.createProposal(
                    "Endorsement rule", "Each authority endorses its own status entries.", ENDORSEMENT, rule);
            assertThat(proposer.text(By.id("proposal-status"))).isEqualTo("Offen");
            assertThat(proposer.text(By.id("proposal-required-signatures"))).contains("BamfMSP, LdsMSP");
            assertThat(proposer.elements(By.id("approve-proposal"))).as("approve button for the proposer").isEmpty();
            assertThat(proposer.text(By.id("proposal-own"))).contains("andere Mitglieder");
            return reference;
        }
    }

    /** Signs in as a board member, approves the proposal and checks the status shown afterwards. */
    public static void approve(
            String baseUrl, String authorityCode, String username, String reference, String expectedStatus)
            throws IOException {
        try (PortalBrowser member = PortalBrowser.open(baseUrl)) {
            member.signIn(authorityCode, username);
            member.openProposal(reference);
            member.approve();
            assertThat(member.text(By.id("proposal-status"))).isEqualTo(expectedStatus);
        }
    }
}
