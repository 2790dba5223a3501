package de.klammer.portal.governance.internal;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.List;

/**
 * Stores a list of plain lines as one text column, separated by line feeds. A line that itself contains a line feed
 * comes back as two lines.
 */
@Converter
class LinesConverter implements AttributeConverter<List<String>, String> {

    @Override
    public String convertToDatabaseColumn(List<String> lines) {
        return String.join("\n", lines);
    }

    @Override
    public List<String> convertToEntityAttribute(String column) {
        return column.isEmpty() ? List.of() : List.of(column.split("\n", -1));
    }
}
