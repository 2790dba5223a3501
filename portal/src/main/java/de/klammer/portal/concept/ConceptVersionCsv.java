package de.klammer.portal.concept;

import de.klammer.portal.concept.ConceptModel.Right;
import de.klammer.portal.concept.ConceptModel.Role;
import de.klammer.portal.concept.ConceptModel.SodRule;
import de.klammer.portal.concept.ConceptModel.StatusType;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;

/**
 * Renders a concept version as CSV with Apache Commons CSV: RFC 4180 quoting, UTF-8, a header row, and one row per
 * status type, role, granted right and separation-of-duties rule. Every row repeats the version columns, so a
 * spreadsheet filter on {@code record} yields the matrix.
 */
final class ConceptVersionCsv {

    static final String[] HEADER = {
        "version", "status", "decision_reference", "applied_at", "record", "role", "status_type", "sub_process",
        "action", "detail"
    };

    private ConceptVersionCsv() {}

    static byte[] render(ConceptDocument document) {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader(HEADER).get();
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, format)) {
            for (StatusType type : document.model().statusTypes()) {
                printer.printRecord(row(document, "status-type", "", type.code(), type.subProcessCode(), "",
                        type.name()));
            }
            for (Role role : document.sortedRoles()) {
                String components = role.components().isEmpty()
                        ? ""
                        : "; composed of " + String.join(", ", role.components());
                printer.printRecord(row(document, "role", role.code(), "", "", "",
                        role.name() + " (" + ConceptDocument.scopeOf(role) + ")" + components));
            }
            for (Right right : document.sortedRights()) {
                printer.printRecord(row(document, "right", right.roleCode(), right.statusTypeCode(),
                        document.subProcessOf(right.statusTypeCode()), right.action().code(), ""));
            }
            for (SodRule rule : document.sortedSodRules()) {
                printer.printRecord(row(document, "sod-rule", rule.firstRole() + " / " + rule.secondRole(), "",
                        rule.subProcessCode() == null ? "" : rule.subProcessCode(), "", rule.reason()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the concept CSV of version " + document.version().number(),
                    e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> row(ConceptDocument document, String record, String role, String statusType,
            String subProcess, String action, String detail) {
        ConceptVersion version = document.version();
        return List.of(
                Integer.toString(version.number()),
                version.status(),
                version.decisionReference() == null ? "" : version.decisionReference(),
                instant(version.appliedAt()),
                record,
                text(role),
                text(statusType),
                text(subProcess),
                action,
                text(detail));
    }

    /**
     * Returns free text safe to open in a spreadsheet: a leading {@code = + - @} would start a formula, so it gets an
     * apostrophe in front (the OWASP advice on CSV injection).
     */
    private static String text(String value) {
        if (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
            return "'" + value;
        }
        return value;
    }

    private static String instant(@Nullable Instant instant) {
        return instant == null ? "" : instant.toString();
    }
}
