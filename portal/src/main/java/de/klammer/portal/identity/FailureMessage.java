package de.klammer.portal.identity;

import de.klammer.identity.AffiliationNotFoundException;
import de.klammer.identity.AttributeNotRegisteredException;
import de.klammer.identity.CaUnreachableException;
import de.klammer.identity.DeadlineExtensionRejectedException;
import de.klammer.identity.EnrollmentLimitReachedException;
import de.klammer.identity.FabricCaException;
import de.klammer.identity.IdentityLockedOutException;
import de.klammer.identity.IdentityNotFoundException;
import de.klammer.identity.IdentityRemovalDisabledException;
import de.klammer.identity.InvalidCsrException;
import de.klammer.identity.InvalidEnrollmentSecretException;
import de.klammer.identity.PersonalDataFinding;
import de.klammer.identity.PersonalDataFoundException;
import de.klammer.portal.ledger.ChangeRejectedException;
import de.klammer.portal.ledger.LedgerRejectedException;
import de.klammer.portal.ledger.LedgerUnavailableException;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.springframework.security.access.AccessDeniedException;

/**
 * The translation key and arguments that describe a failure from the identity bridge, the ledger or a rule of the
 * identity services to the user in their language. The arguments are ids, attribute names and technical details in
 * English. None of them is personal data, because the exceptions leave it out of their fields.
 *
 * @param key a key of the {@code identity.exception.} group in {@code messages_*.properties}
 * @param arguments the values the translated text names, in the order of its placeholders
 */
public record FailureMessage(String key, List<Object> arguments) {

    private static final String PREFIX = "identity.exception.";

    public FailureMessage {
        Objects.requireNonNull(key, "key must not be null");
        arguments = List.copyOf(arguments);
    }

    /** Returns the arguments as the array that {@code getTranslation} takes. */
    public Object[] argumentArray() {
        return arguments.toArray();
    }

    /** Describes a failure. An exception of another type keeps its English message under a generic text. */
    public static FailureMessage of(Throwable failure) {
        return switch (failure) {
            case AffiliationNotFoundException e -> message("affiliation-not-found", e.affiliation(), e.caName());
            case InvalidEnrollmentSecretException e -> message("invalid-secret", id(e), e.caName());
            case IdentityLockedOutException e -> message("locked-out", id(e), e.caName());
            case EnrollmentLimitReachedException e -> message("enrollment-limit", id(e), e.maxEnrollments());
            case AttributeNotRegisteredException e ->
                message("attribute-not-registered", String.join(", ", e.attributeNames()), id(e));
            case IdentityRemovalDisabledException e -> message("removal-disabled", id(e), e.caName());
            case IdentityNotFoundException e -> message("identity-not-found", id(e), e.caName());
            case CaUnreachableException e -> message("ca-unreachable", e.caName(), e.url());
            case FabricCaException e -> message("ca-request-failed", e.caName(), e.getMessage());
            case InvalidCsrException e -> message("invalid-csr", e.enrollmentId(), e.getMessage());
            case PersonalDataFoundException e -> message("personal-data", fields(e));
            case DeadlineExtensionRejectedException e -> message("deadline-extension", e.getMessage());
            case LedgerUnavailableException e -> message("ledger-unavailable", e.getMessage());
            case LedgerRejectedException e -> message("ledger-rejected", e.status(), e.explanation());
            case ChangeRejectedException e -> message("change-rejected", e.getMessage());
            case AccessDeniedException e -> message("access-denied", e.getMessage());
            default -> message("other", String.valueOf(failure.getMessage()));
        };
    }

    private static FailureMessage message(String code, Object... arguments) {
        return new FailureMessage(PREFIX + code, List.of(arguments));
    }

    private static String id(FabricCaException failure) {
        return Objects.requireNonNullElse(failure.enrollmentId(), "-");
    }

    /** Names the fields only, because the findings' values are the personal data. */
    private static String fields(PersonalDataFoundException failure) {
        return failure.findings().stream()
                .map(PersonalDataFinding::field)
                .distinct()
                .collect(Collectors.joining(", "));
    }
}
