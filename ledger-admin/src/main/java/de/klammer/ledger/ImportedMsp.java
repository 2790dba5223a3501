package de.klammer.ledger;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An organisation's MSP definition as imported from an MSP folder, a zip of one, a configtx.yaml organisation or
 * configtxlator JSON, before it is validated or added to a channel. Every certificate keeps the name it came under,
 * so that a finding can name the file or field.
 *
 * @param mspId the MSP ID that identities and policy principals use
 * @param source where the definition came from, for example the folder path
 * @param rootCerts {@code cacerts/}
 * @param intermediateCerts {@code intermediatecerts/}
 * @param admins {@code admincerts/}
 * @param tlsRootCerts {@code tlscacerts/}
 * @param tlsIntermediateCerts {@code tlsintermediatecerts/}
 * @param crls {@code crls/}
 * @param signCerts {@code signcerts/}, which Fabric keeps local and never puts on the channel; validated only
 * @param organizationalUnitIdentifiers {@code OrganizationalUnitIdentifiers} of config.yaml
 * @param nodeOus the {@code NodeOUs} section of config.yaml, {@code null} when it is absent
 */
public record ImportedMsp(
        String mspId,
        String source,
        List<MspFile> rootCerts,
        List<MspFile> intermediateCerts,
        List<MspFile> admins,
        List<MspFile> tlsRootCerts,
        List<MspFile> tlsIntermediateCerts,
        List<MspFile> crls,
        List<MspFile> signCerts,
        List<OuIdentifier> organizationalUnitIdentifiers,
        @Nullable NodeOuSettings nodeOus) {

    public ImportedMsp {
        Objects.requireNonNull(mspId, "mspId must not be null");
        rootCerts = List.copyOf(rootCerts);
        intermediateCerts = List.copyOf(intermediateCerts);
        admins = List.copyOf(admins);
        tlsRootCerts = List.copyOf(tlsRootCerts);
        tlsIntermediateCerts = List.copyOf(tlsIntermediateCerts);
        crls = List.copyOf(crls);
        signCerts = List.copyOf(signCerts);
        organizationalUnitIdentifiers = List.copyOf(organizationalUnitIdentifiers);
    }

    /**
     * One PEM entry of the definition.
     *
     * @param name the file inside the MSP folder, for example {@code cacerts/ca.pem}, or the JSON field
     * @param pem the PEM text
     */
    public record MspFile(String name, String pem) {}

    /**
     * An organisational unit that an identity may carry, optionally bound to the CA that certifies it.
     *
     * @param field where it is configured, for example {@code config.yaml NodeOUs.ClientOUIdentifier}
     * @param certificateFile the CA file that config.yaml names, or {@code null} when it names none
     * @param certificatePem the content of that file, or {@code null} when it names none or the file is missing
     * @param organizationalUnit the OU value, possibly empty when the configuration is broken
     */
    public record OuIdentifier(
            String field,
            @Nullable String certificateFile,
            @Nullable String certificatePem,
            String organizationalUnit) {}

    /**
     * NodeOU classification of config.yaml. An identifier that config.yaml leaves out is {@code null}.
     *
     * @param enable whether Fabric enforces the classification
     */
    public record NodeOuSettings(
            boolean enable,
            @Nullable OuIdentifier client,
            @Nullable OuIdentifier peer,
            @Nullable OuIdentifier admin,
            @Nullable OuIdentifier orderer) {

        /** Returns the identifiers that config.yaml sets, in the order client, peer, admin, orderer. */
        public List<OuIdentifier> configured() {
            List<OuIdentifier> result = new java.util.ArrayList<>();
            for (OuIdentifier identifier : java.util.Arrays.asList(client, peer, admin, orderer)) {
                if (identifier != null) {
                    result.add(identifier);
                }
            }
            return result;
        }
    }
}
