package de.klammer.portal.governance;

import de.klammer.portal.governance.ProposalDetails.VoteDetails;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Renders decision records as CSV with Apache Commons CSV: RFC 4180 quoting, UTF-8, a header row, and one row per
 * vote, with the proposal's columns repeated. A proposal without votes gets one row with empty vote columns.
 */
@Component
class DecisionRecordCsv {

    static final String[] HEADER = {
        "reference", "subject", "change_type", "change", "legal_basis", "reasons", "rule", "status", "proposer",
        "proposer_authority", "created_at", "voting_deadline", "decided_at", "yes", "no", "abstain", "electorate",
        "config_update_sha256", "block_number", "sequence", "outcome_note", "voter", "voter_authority", "vote",
        "vote_reason", "veto_role", "vote_cast_at", "vote_updated_at"
    };

    byte[] render(List<DecisionRecord> records) {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader(HEADER).get();
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, format)) {
            for (DecisionRecord record : records) {
                if (record.votes().isEmpty()) {
                    printer.printRecord(row(record, null));
                }
                for (VoteDetails vote : record.votes()) {
                    printer.printRecord(row(record, vote));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the decision record CSV", e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> row(DecisionRecord record, @Nullable VoteDetails vote) {
        List<String> cells = new ArrayList<>(List.of(
                record.reference(),
                text(record.subject()),
                record.changeType().databaseValue(),
                text(record.change()),
                text(record.legalBasis()),
                text(record.reasons()),
                record.rule(),
                record.status().databaseValue(),
                record.proposerPseudonym(),
                record.proposerAuthorityCode(),
                instant(record.createdAt()),
                instant(record.votingDeadline()),
                instant(record.decidedAt()),
                Integer.toString(record.tally().yes()),
                Integer.toString(record.tally().no()),
                Integer.toString(record.tally().abstain()),
                Integer.toString(record.tally().electorate()),
                record.configUpdateSha256() == null ? "" : record.configUpdateSha256(),
                record.blockNumber() == null ? "" : Long.toString(record.blockNumber()),
                record.sequence() == null ? "" : Long.toString(record.sequence()),
                record.outcomeNote() == null ? "" : text(record.outcomeNote())));
        if (vote == null) {
            cells.addAll(List.of("", "", "", "", "", "", ""));
        } else {
            cells.addAll(List.of(
                    vote.voterPseudonym(),
                    vote.authorityCode(),
                    vote.choice().databaseValue(),
                    vote.reason() == null ? "" : text(vote.reason()),
                    vote.vetoRole() == null ? "" : vote.vetoRole(),
                    instant(vote.castAt()),
                    instant(vote.updatedAt())));
        }
        return cells;
    }

    /**
     * Returns free text safe to open in a spreadsheet: a leading {@code = + - @} would start a formula, so it gets an
     * apostrophe in front (the OWASP advice on CSV injection).
     */
    static String text(String value) {
        if (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
            return "'" + value;
        }
        return value;
    }

    private static String instant(@Nullable Instant instant) {
        return instant == null ? "" : instant.toString();
    }
}
