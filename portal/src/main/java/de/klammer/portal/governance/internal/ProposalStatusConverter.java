package de.klammer.portal.governance.internal;

import de.klammer.portal.governance.ProposalStatus;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a {@link ProposalStatus} as its lower-case column value. */
@Converter
class ProposalStatusConverter implements AttributeConverter<ProposalStatus, String> {

    @Override
    public String convertToDatabaseColumn(ProposalStatus status) {
        return status.databaseValue();
    }

    @Override
    public ProposalStatus convertToEntityAttribute(String column) {
        return ProposalStatus.fromDatabaseValue(column);
    }
}
