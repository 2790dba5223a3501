package de.klammer.portal.governance;

import de.klammer.portal.governance.ProposalDetails.VoteDetails;
import de.klammer.portal.shell.TranslationProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Renders decision records as an A4 PDF with Apache PDFBox. It uses the standard 14 Helvetica fonts, whose
 * WinAnsiEncoding covers German umlauts and ß; a character outside that encoding prints as {@code ?}.
 */
@Component
class DecisionRecordPdf {

    private static final float MARGIN = 50;
    private static final float FONT_SIZE = 10;
    private static final float HEADING_SIZE = 14;
    private static final float LEADING = 1.35f;
    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z").withZone(DecisionRecordService.ZONE);

    private final TranslationProvider translations;

    DecisionRecordPdf(TranslationProvider translations) {
        this.translations = translations;
    }

    /** Renders the records, each starting on a new page, under a title; an empty list yields one page saying so. */
    byte[] render(List<DecisionRecord> records, String title, Locale locale) {
        try (PDDocument document = new PDDocument()) {
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(sanitize(new PDType1Font(Standard14Fonts.FontName.HELVETICA), title));
            info.setCreator("Klammer");
            Writer writer = new Writer(document);
            try {
                if (records.isEmpty()) {
                    writer.newPage();
                    writer.heading(t(locale, "governance.record.minutes-title", title));
                    writer.line(t(locale, "governance.record.no-decisions"));
                }
                for (DecisionRecord record : records) {
                    writer.newPage();
                    write(writer, record, locale);
                }
            } finally {
                writer.close();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not render the decision record PDF", e);
        }
    }

    private void write(Writer writer, DecisionRecord record, Locale locale) throws IOException {
        writer.heading(t(locale, "governance.record.heading", record.reference()));
        writeFacts(writer, record, locale);
        writer.gap();
        writeVotes(writer, record, locale);
        writer.gap();
        writeLedger(writer, record, locale);
        if (record.outcomeNote() != null) {
            writer.field(t(locale, "governance.record.outcome-note"), record.outcomeNote());
        }
    }

    private void writeFacts(Writer writer, DecisionRecord record, Locale locale) throws IOException {
        writer.field(t(locale, "governance.record.subject"), record.subject());
        writer.field(t(locale, "governance.record.status"), t(locale, "status." + record.status().databaseValue()));
        writer.field(t(locale, "governance.record.change-type"),
                t(locale, "governance.change-type." + record.changeType().databaseValue()));
        writer.field(t(locale, "governance.record.change"), record.change());
        writer.field(t(locale, "governance.record.legal-basis"), record.legalBasis());
        writer.field(t(locale, "governance.record.reasons"), record.reasons());
        writer.field(t(locale, "governance.record.rule"), record.rule());
        writer.field(t(locale, "governance.record.proposer"),
                record.proposerPseudonym() + " (" + record.proposerAuthorityCode() + ")");
        writer.field(t(locale, "governance.record.created-at"), format(record.createdAt()));
        writer.field(t(locale, "governance.record.voting-deadline"), format(record.votingDeadline()));
        writer.field(t(locale, "governance.record.decided-at"), format(record.decidedAt()));
        Tally tally = record.tally();
        writer.field(t(locale, "governance.record.count"), t(locale, "governance.count", tally.yes(), tally.no(),
                tally.abstain(), tally.cast(), tally.electorate(), tally.turnoutPercent()));
    }

    private void writeVotes(Writer writer, DecisionRecord record, Locale locale) throws IOException {
        writer.subheading(t(locale, "governance.record.votes"));
        if (record.votes().isEmpty()) {
            writer.line(t(locale, "governance.record.no-votes"));
        }
        for (VoteDetails vote : record.votes()) {
            String changed = vote.updatedAt().equals(vote.castAt())
                    ? ""
                    : ", " + t(locale, "governance.record.vote-changed-at", format(vote.updatedAt()));
            writer.line(vote.voterPseudonym() + " (" + vote.authorityCode() + "): "
                    + t(locale, "governance.vote." + vote.choice().databaseValue()) + ", "
                    + t(locale, "governance.record.vote-cast-at", format(vote.castAt())) + changed);
            if (vote.reason() != null) {
                writer.indented(t(locale, "governance.record.vote-reason", vote.reason()));
            }
        }
    }

    private void writeLedger(Writer writer, DecisionRecord record, Locale locale) throws IOException {
        writer.subheading(t(locale, "governance.record.ledger"));
        if (record.configUpdateSha256() == null) {
            writer.line(t(locale, "governance.record.no-ledger-update"));
            return;
        }
        writer.line(t(locale, "governance.record.config-update-sha256"));
        writer.indented(record.configUpdateSha256());
        writer.line(record.blockNumber() == null
                ? t(locale, "governance.record.not-applied")
                : t(locale, "governance.record.applied-in-block", record.blockNumber(), record.sequence()));
    }

    private String t(Locale locale, String key, Object... params) {
        return translations.getTranslation(key, locale, params);
    }

    private static String format(@Nullable Instant instant) {
        return instant == null ? "–" : DATE_TIME.format(instant);
    }

    /** Replaces characters that the font cannot encode, so one stray character does not fail the whole export. */
    static String sanitize(PDType1Font font, String text) {
        StringBuilder result = new StringBuilder(text.length());
        text.codePoints().forEach(codePoint -> {
            String character = new String(Character.toChars(codePoint));
            if (codePoint == '\t') {
                result.append(' ');
                return;
            }
            try {
                font.encode(character);
                result.append(character);
            } catch (IOException | IllegalArgumentException e) {
                result.append('?');
            }
        });
        return result.toString();
    }

    /** Writes wrapped lines top to bottom and starts new pages as needed. */
    private static final class Writer {

        private final PDDocument document;
        private final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        private final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
        private @Nullable PDPageContentStream stream;
        private float y;

        Writer(PDDocument document) {
            this.document = document;
        }

        void newPage() throws IOException {
            close();
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            stream = new PDPageContentStream(document, page);
            y = page.getMediaBox().getHeight() - MARGIN;
        }

        void heading(String text) throws IOException {
            write(bold, HEADING_SIZE, 0, text);
            gap();
        }

        void subheading(String text) throws IOException {
            write(bold, FONT_SIZE + 1, 0, text);
        }

        void field(String label, String value) throws IOException {
            write(bold, FONT_SIZE, 0, label);
            write(regular, FONT_SIZE, 12, value);
        }

        void line(String text) throws IOException {
            write(regular, FONT_SIZE, 0, text);
        }

        void indented(String text) throws IOException {
            write(regular, FONT_SIZE, 12, text);
        }

        void gap() {
            y -= FONT_SIZE;
        }

        private void write(PDType1Font font, float size, float indent, String text) throws IOException {
            for (String paragraph : text.split("\\R", -1)) {
                for (String line : wrap(font, size, PDRectangle.A4.getWidth() - 2 * MARGIN - indent,
                        sanitize(font, paragraph))) {
                    if (y < MARGIN + size || stream == null) {
                        newPage();
                    }
                    PDPageContentStream current = stream;
                    current.beginText();
                    current.setFont(font, size);
                    current.newLineAtOffset(MARGIN + indent, y);
                    current.showText(line);
                    current.endText();
                    y -= size * LEADING;
                }
            }
        }

        private static List<String> wrap(PDType1Font font, float size, float width, String text) throws IOException {
            List<String> lines = new ArrayList<>();
            StringBuilder current = new StringBuilder();
            for (String word : text.split(" ", -1)) {
                String candidate = current.isEmpty() ? word : current + " " + word;
                if (font.getStringWidth(candidate) / 1000 * size <= width || current.isEmpty()) {
                    current.setLength(0);
                    current.append(candidate);
                } else {
                    lines.add(current.toString());
                    current.setLength(0);
                    current.append(word);
                }
            }
            lines.add(current.toString());
            return lines;
        }

        void close() throws IOException {
            if (stream != null) {
                stream.close();
                stream = null;
            }
        }
    }
}
