package de.klammer.ledger;

import java.util.List;

/**
 * The MSP definition of one organisation as the channel configuration contains it.
 *
 * @param mspId the MSP ID that identities and policy principals use
 * @param type {@code FABRIC} for X.509 MSPs, {@code IDEMIX} for identity-mixer MSPs (which have no certificates)
 * @param rootCerts root CA certificates
 * @param intermediateCerts intermediate CA certificates
 * @param admins certificates listed explicitly as admins
 * @param tlsRootCerts TLS root CA certificates
 * @param nodeOus NodeOU classification rules
 * @param crlCount number of certificate revocation lists
 */
public record MspDefinition(
        String mspId,
        String type,
        List<CertificateInfo> rootCerts,
        List<CertificateInfo> intermediateCerts,
        List<CertificateInfo> admins,
        List<CertificateInfo> tlsRootCerts,
        NodeOus nodeOus,
        int crlCount) {}
