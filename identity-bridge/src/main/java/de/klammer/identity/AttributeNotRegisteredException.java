package de.klammer.identity;

import java.util.List;

/**
 * Enrollment requested non-optional attributes that are not registered for the identity, so no certificate was
 * issued.
 */
public class AttributeNotRegisteredException extends CaRequestFailedException {

    private final List<String> attributeNames;

    public AttributeNotRegisteredException(
            String caName,
            String enrollmentId,
            String operation,
            int httpStatus,
            int errorCode,
            String caMessage,
            List<String> attributeNames) {
        super(
                caName,
                enrollmentId,
                operation,
                httpStatus,
                errorCode,
                caMessage,
                "Fabric CA " + caName + " issued no certificate for " + enrollmentId + ", because the requested"
                        + " attribute(s) " + attributeNames + " are not registered for it (error code " + errorCode
                        + "). Register them by modifying the identity, or request them as optional.");
        this.attributeNames = List.copyOf(attributeNames);
    }

    public List<String> attributeNames() {
        return attributeNames;
    }
}
