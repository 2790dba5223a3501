package de.klammer.portal.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import de.klammer.portal.IntegrationTest;
import de.klammer.portal.governance.internal.LedgerSubmitter;
import de.klammer.portal.security.PortalRole;
import de.klammer.portal.security.TestUsers;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

@IntegrationTest
class DecisionRecordTests extends GovernanceTestSupport {

    private static final String SUBJECT = "Änderung der Endorsement-Regel für Zuweisungen";

    @Autowired
    DecisionRecordService records;

    @Autowired
    LedgerSubmitter submitter;

    @BeforeEach
    void postponeEarlierSubmissions() {
        postponeUnfinishedSubmissions();
    }

    @Test
    void pdfContainsSubjectVotesAndHash() throws IOException {
        ProposalDetails proposal = decidedProposal();
        TestUsers.signIn(users.user("lds", PortalRole.AUDITOR));

        String text = pdfText(records.recordPdf(proposal.id(), Locale.GERMAN));

        assertThat(text).contains(SUBJECT);
        assertThat(text).contains(proposal.configUpdateSha256());
        assertThat(text).contains("Art. 6 Abs. 1 lit. e DSGVO");
        assertThat(text).contains(bamfProposer.boardMember().pseudonym());
        assertThat(text).contains(bamfMember.boardMember().pseudonym());
        assertThat(text).contains(ldsMember.boardMember().pseudonym() + " (lds): Ja");
        assertThat(text).contains("Begründung: Gemäß Beschluss der Länderkonferenz");
        assertThat(text).containsPattern("Angewendet in Konfigurationsblock \\d+, Sequenz \\d+");
    }

    @Test
    void csvHasOneRowPerVote() throws IOException {
        ProposalDetails proposal = decidedProposal();
        TestUsers.signIn(bamfProposer);

        List<CSVRecord> rows = csvRows(records.recordCsv(proposal.id()));

        assertThat(rows).hasSize(3);
        assertThat(rows).allSatisfy(row -> assertThat(row.get("subject")).isEqualTo(SUBJECT));
        assertThat(rows).allSatisfy(row -> assertThat(row.get("config_update_sha256"))
                .isEqualTo(proposal.configUpdateSha256()));
        assertThat(rows).extracting(row -> row.get("voter")).containsExactly(
                bamfProposer.boardMember().pseudonym(),
                bamfMember.boardMember().pseudonym(),
                ldsMember.boardMember().pseudonym());
        assertThat(rows).allSatisfy(row -> assertThat(row.get("status")).isEqualTo("applied"));
        assertThat(rows.get(0).get("block_number")).matches("\\d+");
    }

    @Test
    void minutesListDecisionsOfPeriod() throws IOException {
        ProposalDetails proposal = decidedProposal();
        TestUsers.signIn(bamfProposer);
        LocalDate today = LocalDate.now(DecisionRecordService.ZONE);

        List<DecisionRecord> minutes = records.minutes(today, today);
        String pdf = pdfText(records.minutesPdf(today, today, Locale.ENGLISH));

        assertThat(minutes).extracting(DecisionRecord::reference).contains(proposal.reference());
        assertThat(pdf).contains("Decision " + proposal.reference());
        assertThat(records.minutes(today.minusDays(3), today.minusDays(2)))
                .extracting(DecisionRecord::reference)
                .doesNotContain(proposal.reference());
    }

    @Test
    void minutesRejectReversedPeriod() {
        TestUsers.signIn(bamfProposer);
        LocalDate today = LocalDate.now(DecisionRecordService.ZONE);

        assertThatExceptionOfType(IllegalArgumentException.class)
                .isThrownBy(() -> records.minutes(today, today.minusDays(1)))
                .withMessageContaining("swap the dates");
    }

    @Test
    void recordsAreClosedToClerks() {
        ProposalDetails proposal = decidedProposal();
        TestUsers.signIn(users.user("bamf", PortalRole.CLERK));

        assertThatExceptionOfType(AccessDeniedException.class).isThrownBy(() -> records.recordCsv(proposal.id()));
    }

    @Test
    void csvNeutralisesFormulaText() {
        assertThat(DecisionRecordCsv.text("=HYPERLINK(\"x\")")).isEqualTo("'=HYPERLINK(\"x\")");
        assertThat(DecisionRecordCsv.text("Plain")).isEqualTo("Plain");
    }

    private ProposalDetails decidedProposal() {
        TestUsers.signIn(bamfProposer);
        ProposalDetails proposal = proposals.propose(
                new ProposalTexts(SUBJECT, "Jede Behörde bestätigt ihre eigenen Statusmeldungen.",
                        "Art. 6 Abs. 1 lit. e DSGVO", false),
                CHANNEL_CHANGE);
        TestUsers.signIn(bamfMember);
        proposals.vote(proposal.id(), VoteChoice.YES, null);
        TestUsers.signIn(ldsMember);
        proposals.vote(proposal.id(), VoteChoice.YES, "Gemäß Beschluss der Länderkonferenz");
        submitter.processDueSubmissions();
        return proposal;
    }

    private static String pdfText(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    private static List<CSVRecord> csvRows(byte[] csv) throws IOException {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        return format.parse(new StringReader(new String(csv, StandardCharsets.UTF_8))).getRecords();
    }
}
