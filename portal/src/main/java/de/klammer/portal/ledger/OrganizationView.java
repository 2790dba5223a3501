package de.klammer.portal.ledger;

import java.util.List;

/**
 * MSP facts of one organisation on a channel.
 *
 * @param mspId MSP id, for example {@code BamfMSP}
 * @param groupPath config group path, for example {@code /Channel/Application/BamfMSP}
 * @param rootCaSubjects subject DNs of the root CA certificates
 * @param rootCaFingerprints SHA-256 fingerprints of the root CA certificates, hex
 * @param adminCount number of explicit admin certificates
 * @param nodeOusEnabled whether NodeOU classification is enabled
 * @param crlCount number of certificate revocation lists in the MSP definition
 */
public record OrganizationView(
        String mspId,
        String groupPath,
        List<String> rootCaSubjects,
        List<String> rootCaFingerprints,
        int adminCount,
        boolean nodeOusEnabled,
        int crlCount) {

    public OrganizationView {
        rootCaSubjects = List.copyOf(rootCaSubjects);
        rootCaFingerprints = List.copyOf(rootCaFingerprints);
    }
}
