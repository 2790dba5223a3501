package de.klammer.portal.concept;

import static org.assertj.core.api.Assertions.assertThat;

import de.klammer.portal.shell.TranslationProvider;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class ConceptExportTests {

    private static final ConceptVersion APPLIED = new ConceptVersion(UUID.randomUUID(), 3, "applied",
            UUID.randomUUID(), "P-2026-0042", "vorstand-7f3a", Instant.parse("2026-11-02T09:00:00Z"),
            Instant.parse("2026-11-20T14:30:00Z"));

    private static final ConceptDocument DOCUMENT = new ConceptDocument(APPLIED, 2, PilotConcepts.realistic());

    @Test
    void pdfContainsVersionAndDecision() throws IOException {
        String text = pdfText(new ConceptVersionPdf(new TranslationProvider(), Locale.GERMAN).render(DOCUMENT));

        assertThat(text).contains("Rollen- und Rechtekonzept, Version 3");
        assertThat(text).contains("Beschluss: P-2026-0042");
        assertThat(text).contains("Status: Angewendet");
        assertThat(text).contains("Beruht auf Version: 2");
    }

    @Test
    void pdfContainsMatrixAndSodRules() throws IOException {
        String text = pdfText(new ConceptVersionPdf(new TranslationProvider(), Locale.GERMAN).render(DOCUMENT));

        assertThat(text).contains("Rechtematrix");
        assertThat(text).contains("hearing-held (Anhörung durchgeführt)");
        assertThat(text).contains("read: status-reader; write: hearing-officer");
        assertThat(text).contains("arrived (Angekommen)");
        assertThat(text).contains("read: status-reader; write: foreigners-office-clerk");
        assertThat(text).contains("decision-officer / hearing-officer (im Teilprozess decision)");
        assertThat(text).contains("Wer anhört, entscheidet nicht über denselben Antrag.");
        assertThat(text).contains("decision-officer / return-officer (in allen Teilprozessen)");
        assertThat(text).contains("return-officer – Rückführung (authority lds); zusammengesetzt aus allocation-clerk");
    }

    @Test
    void pdfOfDraftSaysNotDecided() throws IOException {
        ConceptVersion draft = new ConceptVersion(UUID.randomUUID(), 4, "draft", APPLIED.id(), null, "vorstand-7f3a",
                Instant.parse("2026-11-21T08:00:00Z"), null);

        String text = pdfText(new ConceptVersionPdf(new TranslationProvider(), Locale.ENGLISH)
                .render(new ConceptDocument(draft, 3, PilotConcepts.realistic())));

        assertThat(text).contains("Role and rights concept, version 4");
        assertThat(text).contains("Decision: not decided yet");
        assertThat(text).contains("Status: Draft");
    }

    @Test
    void csvListsEveryRightOnce() throws IOException {
        List<CSVRecord> rows = csvRows(ConceptVersionCsv.render(DOCUMENT));

        List<CSVRecord> rights = rows.stream().filter(row -> row.get("record").equals("right")).toList();
        assertThat(rights).hasSize(PilotConcepts.rights().size());
        assertThat(rights).anySatisfy(row -> {
            assertThat(row.get("role")).isEqualTo("hearing-officer");
            assertThat(row.get("status_type")).isEqualTo("hearing-held");
            assertThat(row.get("sub_process")).isEqualTo("registration");
            assertThat(row.get("action")).isEqualTo("write");
        });
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.get("version")).isEqualTo("3");
            assertThat(row.get("decision_reference")).isEqualTo("P-2026-0042");
        });
    }

    @Test
    void csvListsRolesAndSodRules() throws IOException {
        List<CSVRecord> rows = csvRows(ConceptVersionCsv.render(DOCUMENT));

        assertThat(rows.stream().filter(row -> row.get("record").equals("role")))
                .hasSize(PilotConcepts.roles().size());
        assertThat(rows.stream().filter(row -> row.get("record").equals("status-type")))
                .hasSize(PilotConcepts.STATUS_TYPES.size());
        assertThat(rows.stream().filter(row -> row.get("record").equals("sod-rule")))
                .extracting(row -> row.get("role"))
                .containsExactly("decision-officer / hearing-officer", "decision-officer / return-officer");
    }

    @Test
    void csvNeutralisesFormulaText() throws IOException {
        ConceptModel model = PilotConcepts.realistic();
        ConceptModel withFormula = new ConceptModel(model.authorities(), model.subProcesses(), model.statusTypes(),
                model.roles(), model.rights(),
                List.of(new ConceptModel.SodRule("decision-officer", "hearing-officer", null, "=HYPERLINK(\"x\")")));

        List<CSVRecord> rows = csvRows(ConceptVersionCsv.render(new ConceptDocument(APPLIED, 2, withFormula)));

        assertThat(rows.stream().filter(row -> row.get("record").equals("sod-rule")))
                .singleElement()
                .extracting(row -> row.get("detail"))
                .isEqualTo("'=HYPERLINK(\"x\")");
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
