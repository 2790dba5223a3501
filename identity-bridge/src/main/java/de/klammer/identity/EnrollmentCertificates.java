package de.klammer.identity;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads what Fabric CA writes into enrollment certificates: OUs for type and affiliation, and attributes. */
public final class EnrollmentCertificates {

    /**
     * The non-critical extension in which Fabric CA stores attributes as JSON {@code {"attrs":{"name":"value"}}}
     * (fabric-ca {@code lib/attrmgr}).
     */
    public static final String ATTRIBUTE_EXTENSION_OID = "1.2.3.4.5.6.7.8.1";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private EnrollmentCertificates() {}

    /** Returns the attributes of extension 1.2.3.4.5.6.7.8.1 in certificate order, empty without the extension. */
    public static Map<String, String> attributes(X509Certificate certificate) {
        byte[] extension = certificate.getExtensionValue(ATTRIBUTE_EXTENSION_OID);
        if (extension == null) {
            return Map.of();
        }
        byte[] json = ASN1OctetString.getInstance(extension).getOctets();
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JacksonException e) {
            throw new IllegalArgumentException(
                    "The attribute extension " + ATTRIBUTE_EXTENSION_OID + " of certificate "
                            + certificate.getSerialNumber().toString(16) + " is not JSON",
                    e);
        }
        var attributes = new LinkedHashMap<String, String>();
        for (Map.Entry<String, JsonNode> entry : root.path("attrs").properties()) {
            attributes.put(entry.getKey(), entry.getValue().asString(""));
        }
        return attributes;
    }

    /** Returns the subject's OU values in order; Fabric CA writes the type first, then each affiliation element. */
    public static List<String> organizationalUnits(X509Certificate certificate) {
        X500Name subject =
                X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
        var units = new ArrayList<String>();
        for (RDN rdn : subject.getRDNs()) {
            for (AttributeTypeAndValue value : rdn.getTypesAndValues()) {
                if (BCStyle.OU.equals(value.getType())) {
                    units.add(IETFUtils.valueToString(value.getValue()));
                }
            }
        }
        return units;
    }
}
