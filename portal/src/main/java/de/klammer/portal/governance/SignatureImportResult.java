package de.klammer.portal.governance;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Result of importing a signed config update from outside the portal.
 *
 * @param accepted whether a signature of the user's authority was verified and stored
 * @param reasons why the import was rejected, one plain line per problem; empty when accepted
 * @param outcome the proposal's status and missing signatures after an accepted import; null when rejected
 */
public record SignatureImportResult(boolean accepted, List<String> reasons, @Nullable ApprovalOutcome outcome) {

    public SignatureImportResult {
        reasons = List.copyOf(reasons);
    }

    static SignatureImportResult rejected(List<String> reasons) {
        return new SignatureImportResult(false, reasons, null);
    }
}
