package de.klammer.portal.governance.internal;

import de.klammer.portal.governance.SubmissionState;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a {@link SubmissionState} as its lower-case column value. */
@Converter
class SubmissionStateConverter implements AttributeConverter<SubmissionState, String> {

    @Override
    public String convertToDatabaseColumn(SubmissionState state) {
        return state.databaseValue();
    }

    @Override
    public SubmissionState convertToEntityAttribute(String column) {
        return SubmissionState.fromDatabaseValue(column);
    }
}
