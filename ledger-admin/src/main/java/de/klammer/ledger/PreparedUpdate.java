package de.klammer.ledger;

import java.util.List;

/**
 * A computed config update, ready for signatures. Signatures cover exactly {@link #configUpdate()}; any recompute
 * produces new bytes and starts signature collection over.
 *
 * @param channelId channel the update is for
 * @param configUpdate the marshalled {@code ConfigUpdate}
 * @param sha256 lower-case hex SHA-256 of {@code configUpdate}
 * @param baseSequence config sequence the update was computed against
 * @param readSet read-set entries as "element at version N"
 * @param writeSet modified elements in plain words
 * @param requiredSignatures the policies the update must satisfy
 */
public record PreparedUpdate(
        String channelId,
        byte[] configUpdate,
        String sha256,
        long baseSequence,
        List<String> readSet,
        List<String> writeSet,
        List<RequiredSignature> requiredSignatures) {

    /** Returns the MSP IDs whose admins can contribute to any required policy, in order of first mention. */
    public List<String> signingMspIds() {
        return requiredSignatures.stream()
                .flatMap(r -> r.signingMspIds().stream())
                .distinct()
                .toList();
    }
}
