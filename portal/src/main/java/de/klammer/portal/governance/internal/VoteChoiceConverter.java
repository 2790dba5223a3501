package de.klammer.portal.governance.internal;

import de.klammer.portal.governance.VoteChoice;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a vote choice as its lower-case database value. */
@Converter
class VoteChoiceConverter implements AttributeConverter<VoteChoice, String> {

    @Override
    public String convertToDatabaseColumn(VoteChoice choice) {
        return choice.databaseValue();
    }

    @Override
    public VoteChoice convertToEntityAttribute(String value) {
        return VoteChoice.fromDatabaseValue(value);
    }
}
