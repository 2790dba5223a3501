package de.klammer.portal.identity;

import de.klammer.identity.AffiliationNotFoundException;
import de.klammer.identity.AttributeNotRegisteredException;
import de.klammer.identity.CaUnreachableException;
import de.klammer.identity.EnrollmentLimitReachedException;
import de.klammer.identity.FabricCaException;
import de.klammer.identity.IdentityLockedOutException;
import de.klammer.identity.IdentityNotFoundException;
import de.klammer.identity.IdentityRemovalDisabledException;
import de.klammer.identity.InvalidCsrException;
import de.klammer.identity.InvalidEnrollmentSecretException;
import de.klammer.identity.PersonalDataFinding;
import de.klammer.identity.PersonalDataFoundException;
import de.klammer.portal.concept.ConceptRuleViolationException;
import java.util.stream.Collectors;

/**
 * Why a step of an enrolment failed: a stable code, which the views translate as {@code identity.failure.<code>},
 * and the technical detail for the administrator. The detail never contains personal data or secrets, because the
 * identity-bridge exceptions leave them out of their messages and personal-data findings are reduced to field names.
 *
 * @param code one of the {@code *_CODE} constants
 * @param detail the failure in plain English
 */
public record EnrollmentFailure(String code, String detail) {

    public static final String AFFILIATION_NOT_FOUND = "affiliation-not-found";
    public static final String INVALID_SECRET = "invalid-secret";
    public static final String LOCKED_OUT = "locked-out";
    public static final String ENROLLMENT_LIMIT = "enrollment-limit";
    public static final String ATTRIBUTE_NOT_REGISTERED = "attribute-not-registered";
    public static final String REMOVAL_DISABLED = "removal-disabled";
    public static final String CA_UNREACHABLE = "ca-unreachable";
    public static final String IDENTITY_NOT_FOUND = "identity-not-found";
    public static final String INVALID_CSR = "invalid-csr";
    public static final String PERSONAL_DATA = "personal-data";
    public static final String CA_REQUEST_FAILED = "ca-request-failed";
    public static final String CONCEPT_ROLE = "concept-role";

    /** Classifies a failure of a CA call or of a check around it. */
    public static EnrollmentFailure of(RuntimeException failure) {
        return switch (failure) {
            case AffiliationNotFoundException e -> new EnrollmentFailure(AFFILIATION_NOT_FOUND, e.getMessage());
            case InvalidEnrollmentSecretException e -> new EnrollmentFailure(INVALID_SECRET, e.getMessage());
            case IdentityLockedOutException e -> new EnrollmentFailure(LOCKED_OUT, e.getMessage());
            case EnrollmentLimitReachedException e -> new EnrollmentFailure(ENROLLMENT_LIMIT, e.getMessage());
            case AttributeNotRegisteredException e -> new EnrollmentFailure(ATTRIBUTE_NOT_REGISTERED, e.getMessage());
            case IdentityRemovalDisabledException e -> new EnrollmentFailure(REMOVAL_DISABLED, e.getMessage());
            case CaUnreachableException e -> new EnrollmentFailure(CA_UNREACHABLE, e.getMessage());
            case IdentityNotFoundException e -> new EnrollmentFailure(IDENTITY_NOT_FOUND, e.getMessage());
            case InvalidCsrException e -> new EnrollmentFailure(INVALID_CSR, e.getMessage());
            case PersonalDataFoundException e -> new EnrollmentFailure(PERSONAL_DATA, personalDataDetail(e));
            case FabricCaException e -> new EnrollmentFailure(CA_REQUEST_FAILED, e.getMessage());
            case ConceptRuleViolationException e -> new EnrollmentFailure(CONCEPT_ROLE, e.getMessage());
            default -> throw failure;
        };
    }

    /** Names the fields only, because the findings' values are the personal data. */
    private static String personalDataDetail(PersonalDataFoundException e) {
        return "Personal data found in " + e.findings().stream()
                .map(PersonalDataFinding::field)
                .distinct()
                .collect(Collectors.joining(", "));
    }
}
