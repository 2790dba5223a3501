package de.klammer.ledger;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of removing an organisation from {@code /Channel/Application}, computed before anything changes.
 *
 * @param mspId the organisation to remove
 * @param remainingOrganizations MSP IDs of the application organisations that stay
 * @param unsatisfiablePolicies paths of the policies that no combination of the remaining identities could satisfy
 * @param writersProblem why no single remaining authority identity could satisfy {@code /Channel/Writers} any more,
 *     or {@code null} when one still can
 */
public record RemovalPreview(
        String mspId,
        List<String> remainingOrganizations,
        List<String> unsatisfiablePolicies,
        @Nullable String writersProblem) {

    public RemovalPreview {
        remainingOrganizations = List.copyOf(remainingOrganizations);
        unsatisfiablePolicies = List.copyOf(unsatisfiablePolicies);
    }

    /** Returns whether the remaining organisations can still satisfy every policy and submit updates. */
    public boolean remainingCanSatisfyEveryPolicy() {
        return unsatisfiablePolicies.isEmpty() && writersProblem == null;
    }
}
