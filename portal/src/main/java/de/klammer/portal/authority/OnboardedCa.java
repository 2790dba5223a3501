package de.klammer.portal.authority;

/**
 * The Fabric CA of an authority onboarded in the portal, as stored in the {@code authority} table, with the registrar
 * secret opened.
 *
 * @param authorityCode code of the authority
 * @param mspId MSP ID of its organisation
 * @param status the authority's status; the CA of an archived authority is still needed to finish revocations
 * @param url base URL of the CA server
 * @param caName CA name on that server
 * @param tlsRootPem PEM of the CA's TLS root certificate
 * @param registrarId enrolment ID of the registrar Klammer acts as
 * @param registrarSecret its enrolment secret; {@link #toString()} leaves it out
 * @param affiliation affiliation under which the authority's identities are registered
 */
public record OnboardedCa(
        String authorityCode,
        String mspId,
        AuthorityStatus status,
        String url,
        String caName,
        String tlsRootPem,
        String registrarId,
        String registrarSecret,
        String affiliation) {

    @Override
    public String toString() {
        return "OnboardedCa[" + authorityCode + ", " + mspId + ", " + status.databaseValue() + ", " + url + ", "
                + caName + ", registrar " + registrarId + ", affiliation " + affiliation + "]";
    }
}
