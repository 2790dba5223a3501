package de.klammer.portal.concept;

import de.klammer.portal.concept.ConceptModel.Right;
import de.klammer.portal.concept.ConceptModel.Role;
import de.klammer.portal.concept.ConceptModel.SodRule;
import de.klammer.portal.concept.ConceptModel.StatusType;
import de.klammer.portal.concept.ConceptModel.SubProcess;
import de.klammer.portal.shell.TranslationProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.jspecify.annotations.Nullable;

/**
 * Renders the written role and rights concept of one version as an A4 PDF with Apache PDFBox: version, decision
 * reference, catalogue, roles, the rights matrix with one line per status type, and the separation-of-duties rules.
 * It uses the standard 14 Helvetica fonts, whose WinAnsiEncoding covers German umlauts and ß; any other character
 * prints as {@code ?}.
 */
final class ConceptVersionPdf {

    private static final float MARGIN = 50;
    private static final float FONT_SIZE = 10;
    private static final float HEADING_SIZE = 14;
    private static final float LEADING = 1.35f;
    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z").withZone(ZoneId.of("Europe/Berlin"));

    private final TranslationProvider translations;
    private final Locale locale;

    ConceptVersionPdf(TranslationProvider translations, Locale locale) {
        this.translations = translations;
        this.locale = locale;
    }

    byte[] render(ConceptDocument document) {
        ConceptVersion version = document.version();
        try (PDDocument pdf = new PDDocument()) {
            pdf.getDocumentInformation().setTitle(t("concept.export.title", version.number()));
            pdf.getDocumentInformation().setCreator("Klammer");
            try (PageWriter writer = new PageWriter(pdf)) {
                writer.heading(t("concept.export.title", version.number()));
                writer.field(t("concept.export.status"), t("concept.export.status." + version.status()));
                writer.field(t("concept.export.decision"), version.decisionReference() == null
                        ? t("concept.export.no-decision")
                        : version.decisionReference());
                writer.field(t("concept.export.applied-at"), format(version.appliedAt()));
                writer.field(t("concept.export.based-on"), document.basedOnNumber() == 0
                        ? "–"
                        : Integer.toString(document.basedOnNumber()));
                writeCatalogue(writer, document);
                writeRoles(writer, document);
                writeMatrix(writer, document);
                writeSodRules(writer, document);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            pdf.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not render the concept PDF of version " + version.number(), e);
        }
    }

    private void writeCatalogue(PageWriter writer, ConceptDocument document) throws IOException {
        writer.subheading(t("concept.export.catalogue"));
        for (SubProcess subProcess : document.model().subProcesses()) {
            List<String> types = document.model().statusTypes().stream()
                    .filter(type -> type.subProcessCode().equals(subProcess.code()))
                    .map(StatusType::code)
                    .toList();
            writer.line(subProcess.code() + " (" + subProcess.name() + "): " + String.join(", ", types));
        }
    }

    private void writeRoles(PageWriter writer, ConceptDocument document) throws IOException {
        writer.subheading(t("concept.export.roles"));
        for (Role role : document.sortedRoles()) {
            String components = role.components().isEmpty()
                    ? ""
                    : "; " + t("concept.export.composed-of", String.join(", ", role.components()));
            writer.line(role.code() + " – " + role.name() + " (" + ConceptDocument.scopeOf(role) + ")" + components);
        }
    }

    private void writeMatrix(PageWriter writer, ConceptDocument document) throws IOException {
        writer.subheading(t("concept.export.matrix"));
        List<Right> rights = document.sortedRights();
        for (StatusType type : document.model().statusTypes()) {
            List<String> cells = new ArrayList<>();
            for (Action action : Action.values()) {
                List<String> roles = rights.stream()
                        .filter(right -> right.statusTypeCode().equals(type.code()) && right.action() == action)
                        .map(Right::roleCode)
                        .toList();
                cells.add(action.code() + ": " + (roles.isEmpty() ? "–" : String.join(", ", roles)));
            }
            writer.line(type.code() + " (" + type.name() + ")");
            writer.indented(String.join("; ", cells));
        }
    }

    private void writeSodRules(PageWriter writer, ConceptDocument document) throws IOException {
        writer.subheading(t("concept.export.sod-rules"));
        if (document.model().sodRules().isEmpty()) {
            writer.line(t("concept.export.no-sod-rules"));
        }
        for (SodRule rule : document.sortedSodRules()) {
            String where = rule.subProcessCode() == null
                    ? t("concept.export.sod-everywhere")
                    : t("concept.export.sod-in", rule.subProcessCode());
            writer.line(rule.firstRole() + " / " + rule.secondRole() + " (" + where + ")");
            writer.indented(rule.reason());
        }
    }

    private String t(String key, Object... params) {
        return translations.getTranslation(key, locale, params);
    }

    private static String format(@Nullable Instant instant) {
        return instant == null ? "–" : DATE_TIME.format(instant);
    }

    /** Writes wrapped lines top to bottom and starts a new page when one is full. */
    private static final class PageWriter implements AutoCloseable {

        private final PDDocument document;
        private final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        private final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
        private @Nullable PDPageContentStream stream;
        private float y;

        PageWriter(PDDocument document) {
            this.document = document;
        }

        void heading(String text) throws IOException {
            write(bold, HEADING_SIZE, 0, text);
        }

        void subheading(String text) throws IOException {
            y -= FONT_SIZE;
            write(bold, FONT_SIZE + 1, 0, text);
        }

        void field(String label, String value) throws IOException {
            write(regular, FONT_SIZE, 0, label + ": " + value);
        }

        void line(String text) throws IOException {
            write(regular, FONT_SIZE, 0, text);
        }

        void indented(String text) throws IOException {
            write(regular, FONT_SIZE, 12, text);
        }

        private void write(PDType1Font font, float size, float indent, String text) throws IOException {
            float width = PDRectangle.A4.getWidth() - 2 * MARGIN - indent;
            for (String line : wrap(font, size, width, encodable(font, text))) {
                if (stream == null || y < MARGIN + size) {
                    startPage();
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

        private void startPage() throws IOException {
            close();
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            stream = new PDPageContentStream(document, page);
            y = page.getMediaBox().getHeight() - MARGIN;
        }

        /** Splits the text at spaces into lines no wider than {@code width}; a longer word gets a line of its own. */
        private static List<String> wrap(PDType1Font font, float size, float width, String text) throws IOException {
            List<String> lines = new ArrayList<>();
            StringBuilder current = new StringBuilder();
            for (String word : text.split(" ")) {
                String candidate = current.isEmpty() ? word : current + " " + word;
                if (current.isEmpty() || font.getStringWidth(candidate) / 1000 * size <= width) {
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

        /** Replaces line breaks with spaces and characters the font cannot encode with {@code ?}. */
        private static String encodable(PDType1Font font, String text) {
            StringBuilder result = new StringBuilder(text.length());
            text.codePoints().forEach(codePoint -> {
                if (Character.isWhitespace(codePoint)) {
                    result.append(' ');
                    return;
                }
                String character = Character.toString(codePoint);
                try {
                    font.encode(character);
                    result.append(character);
                } catch (IOException | IllegalArgumentException e) {
                    result.append('?');
                }
            });
            return result.toString();
        }

        @Override
        public void close() throws IOException {
            if (stream != null) {
                stream.close();
                stream = null;
            }
        }
    }
}
