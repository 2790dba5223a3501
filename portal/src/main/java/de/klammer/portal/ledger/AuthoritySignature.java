package de.klammer.portal.ledger;

/**
 * An authority's admin signature on a config update.
 *
 * @param mspId MSP id of the signing authority
 * @param configSignature serialized {@code ConfigSignature} (signature header and signature)
 */
public record AuthoritySignature(String mspId, byte[] configSignature) {

    public AuthoritySignature {
        configSignature = configSignature.clone();
    }

    @Override
    public byte[] configSignature() {
        return configSignature.clone();
    }
}
