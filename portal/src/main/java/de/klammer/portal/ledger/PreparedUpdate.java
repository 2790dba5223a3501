package de.klammer.portal.ledger;

import java.util.List;

/**
 * A computed config update with everything needed to collect signatures for it.
 *
 * @param channel channel name
 * @param configUpdate serialized {@code ConfigUpdate}; signatures cover exactly these bytes
 * @param sha256 SHA-256 of {@code configUpdate}, lower-case hex
 * @param baseSequence config sequence the update was computed against
 * @param writeSet what the update changes, one plain line per element
 * @param requiredSignatures the signature requirement from the live mod_policies, one plain line per element, for
 *     example {@code /Channel/Application/Endorsement needs MAJORITY of Admins of /Channel/Application: BamfMSP,
 *     LdsMSP (2 of 2)}
 * @param signingMspIds authorities whose admins can contribute a signature that counts
 */
public record PreparedUpdate(
        String channel,
        byte[] configUpdate,
        String sha256,
        long baseSequence,
        List<String> writeSet,
        List<String> requiredSignatures,
        List<String> signingMspIds) {

    public PreparedUpdate {
        configUpdate = configUpdate.clone();
        writeSet = List.copyOf(writeSet);
        requiredSignatures = List.copyOf(requiredSignatures);
        signingMspIds = List.copyOf(signingMspIds);
    }

    @Override
    public byte[] configUpdate() {
        return configUpdate.clone();
    }
}
