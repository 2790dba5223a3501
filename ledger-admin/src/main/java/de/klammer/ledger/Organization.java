package de.klammer.ledger;

import java.util.List;

/**
 * An organisation group of the channel configuration, for example {@code /Channel/Application/BamfMSP}.
 *
 * @param name the group key, which may differ from the MSP ID
 * @param path absolute path of the group
 * @param msp the organisation's MSP definition
 * @param endpoints orderer endpoints (orderer organisations only, empty otherwise)
 */
public record Organization(String name, String path, MspDefinition msp, List<String> endpoints) {

    /** Returns the MSP ID of this organisation. */
    public String mspId() {
        return msp.mspId();
    }
}
