package de.klammer.portal.concept;

import de.klammer.portal.concept.ConceptModel.Right;
import de.klammer.portal.concept.RoleCatalogue.ImportedRole;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a role catalogue from CSV with the header {@code role,name,components,rights}. Components are role codes
 * separated by {@code |}; rights are {@code <status type>:<read|write>} separated by {@code |}. A component may name a
 * role of the same file or one already in the concept.
 */
public final class CsvRoleImport {

    private static final String[] HEADER = {"role", "name", "components", "rights"};

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setHeader(HEADER)
            .setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true)
            .setTrim(true)
            .get();

    private CsvRoleImport() {}

    /**
     * Parses the CSV.
     *
     * @param knownRoles codes of the roles already in the concept, which components may name
     * @param knownStatusTypes codes of the concept's status types, which rights must name
     * @throws RoleImportException listing every row with an invalid or duplicate role, an unknown component or status
     *     type, or an unknown action, each with its line number
     */
    public static RoleCatalogue parse(Reader csv, Set<String> knownRoles, Set<String> knownStatusTypes) {
        List<CSVRecord> records = read(csv);
        List<String> problems = new ArrayList<>();
        Map<String, Long> lineByCode = new HashMap<>();
        for (CSVRecord record : records) {
            String code = record.get("role");
            Long earlier = lineByCode.putIfAbsent(code, line(record));
            if (!ConceptModel.CODE.matcher(code).matches()) {
                problems.add("Line " + line(record) + ": invalid role code '" + code + "'; use lower-case letters,"
                        + " digits and dashes, starting with a letter");
            } else if (earlier != null) {
                problems.add("Line " + line(record) + ": duplicate role " + code + ", already defined on line "
                        + earlier);
            } else if (knownRoles.contains(code)) {
                problems.add("Line " + line(record) + ": duplicate role " + code + ", which the concept already has");
            }
        }
        List<ImportedRole> roles = new ArrayList<>();
        for (CSVRecord record : records) {
            roles.add(role(record, lineByCode.keySet(), knownRoles, knownStatusTypes, problems));
        }
        if (!problems.isEmpty()) {
            throw new RoleImportException(problems);
        }
        return new RoleCatalogue("csv", roles, List.of());
    }

    private static List<CSVRecord> read(Reader csv) {
        try (CSVParser parser = CSVParser.builder().setReader(csv).setFormat(FORMAT).get()) {
            List<CSVRecord> records = parser.getRecords();
            for (CSVRecord record : records) {
                if (!record.isConsistent()) {
                    throw new RoleImportException(List.of("Line " + line(record) + " has " + record.size()
                            + " fields, expected " + HEADER.length + ": " + String.join(",", HEADER)));
                }
            }
            return records;
        } catch (UncheckedIOException e) {
            // Commons CSV 1.14.1 reports malformed quoting from getRecords() as a CSVException wrapped this way.
            if (e.getCause() instanceof CSVException invalid) {
                throw new RoleImportException(List.of("The file is not valid CSV: " + invalid.getMessage()));
            }
            throw e;
        } catch (CSVException | IllegalStateException e) {
            // Commons CSV 1.14.1 can also raise CSVException, an IOException, directly, for example from the header.
            // Older versions raised IllegalStateException.
            throw new RoleImportException(List.of("The file is not valid CSV: " + e.getMessage()));
        } catch (IOException e) {
            throw new UncheckedIOException("Reading the CSV failed", e);
        }
    }

    private static ImportedRole role(CSVRecord record, Set<String> fileRoles, Set<String> knownRoles,
            Set<String> knownStatusTypes, List<String> problems) {
        String code = record.get("role");
        String name = record.get("name").isBlank() ? code : record.get("name");
        List<String> components = new ArrayList<>();
        for (String component : split(record.get("components"))) {
            if (!fileRoles.contains(component) && !knownRoles.contains(component)) {
                problems.add("Line " + line(record) + ": role " + code + " is composed of the unknown role "
                        + component);
            }
            components.add(component);
        }
        Set<Right> rights = new HashSet<>();
        for (String right : split(record.get("rights"))) {
            String[] parts = right.split(":", -1);
            if (parts.length != 2 || !knownStatusTypes.contains(parts[0])) {
                problems.add("Line " + line(record) + ": role " + code + " has the right '" + right
                        + "' with an unknown status type; write <status type>:<read|write>");
                continue;
            }
            try {
                rights.add(new Right(code, parts[0], Action.ofCode(parts[1])));
            } catch (IllegalArgumentException e) {
                problems.add("Line " + line(record) + ": role " + code + ": " + e.getMessage());
            }
        }
        return new ImportedRole(code, name, "csv line " + line(record), components, rights);
    }

    private static List<String> split(String value) {
        List<String> parts = new ArrayList<>();
        for (String part : value.split("\\|")) {
            if (!part.isBlank()) {
                parts.add(part.trim());
            }
        }
        return parts;
    }

    /** Returns the line of the record in the file, counting the header as line 1. */
    private static long line(CSVRecord record) {
        return record.getRecordNumber() + 1;
    }
}
