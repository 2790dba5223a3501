package de.klammer.identity;

import de.klammer.identity.PersonalDataFinding.Kind;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.jspecify.annotations.Nullable;

/**
 * Finds personal data in what goes into a certificate, because certificates end up on the ledger, which cannot
 * forget. A value counts as personal when it looks like an e-mail address, or when it equals or contains one of the
 * person's known values: given name, family name, e-mail address (and its local part), or OIDC subject. Comparison
 * ignores case, punctuation and spaces, and treats ä/ae, ö/oe, ü/ue, ß/ss and accented letters alike. Known values
 * shorter than {@value #MIN_SUBSTRING_LENGTH} letters only match a whole word, so that a name like "Li" does not
 * flag "client".
 *
 * <p>The OIDC issuer is not checked: it names the authority's identity provider, not the person, and would flag
 * the authority's own affiliation.
 */
public final class PersonalDataGuard {

    static final int MIN_SUBSTRING_LENGTH = 4;

    private static final Pattern EMAIL =
            Pattern.compile("[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}-]+(\\.[\\p{L}\\p{N}-]+)*\\.\\p{L}{2,}");
    private static final Pattern WORD_SEPARATOR = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^\\p{L}\\p{N}]");
    private static final Pattern COMBINING_MARK = Pattern.compile("\\p{M}");

    /**
     * Inspects what a client asks to have certified: the CSR's subject and requested SubjectAlternativeNames, and
     * the role attributes to register.
     */
    public List<PersonalDataFinding> inspectRequest(
            String enrollmentId, String csrPem, List<RoleAttribute> attributes, PersonRecord person) {
        PKCS10CertificationRequest csr = CertificateSigningRequests.parse(csrPem, enrollmentId);
        var findings = new ArrayList<PersonalDataFinding>();
        inspectSubject(X500Name.getInstance(csr.getSubject()), person, findings);
        Extensions extensions = csr.getRequestedExtensions();
        if (extensions != null) {
            GeneralNames names = GeneralNames.fromExtensions(extensions, Extension.subjectAlternativeName);
            if (names != null) {
                for (GeneralName name : names.getNames()) {
                    findings.addAll(inspect(
                            "subjectAltName " + generalNameType(name.getTagNo()),
                            name.getName().toString(),
                            person));
                }
            }
        }
        findings.addAll(inspectAttributes(attributes, person));
        return List.copyOf(findings);
    }

    /** Inspects attribute names and values. */
    public List<PersonalDataFinding> inspectAttributes(List<RoleAttribute> attributes, PersonRecord person) {
        var findings = new ArrayList<PersonalDataFinding>();
        for (RoleAttribute attribute : attributes) {
            findings.addAll(inspect("attribute name", attribute.name(), person));
            findings.addAll(inspect("attribute " + attribute.name(), attribute.value(), person));
        }
        return List.copyOf(findings);
    }

    /**
     * Inspects an issued certificate: subject, SubjectAlternativeNames and the Fabric CA attribute extension
     * ({@value EnrollmentCertificates#ATTRIBUTE_EXTENSION_OID}), names and values.
     */
    public List<PersonalDataFinding> inspectCertificate(X509Certificate certificate, PersonRecord person) {
        var findings = new ArrayList<PersonalDataFinding>();
        inspectSubject(
                X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded()), person, findings);
        for (List<?> name : subjectAlternativeNames(certificate)) {
            findings.addAll(
                    inspect("subjectAltName " + generalNameType((Integer) name.get(0)), sanValue(name.get(1)), person));
        }
        for (Map.Entry<String, String> attribute :
                EnrollmentCertificates.attributes(certificate).entrySet()) {
            findings.addAll(inspect("certificate attribute name", attribute.getKey(), person));
            findings.addAll(inspect("certificate attribute " + attribute.getKey(), attribute.getValue(), person));
        }
        return List.copyOf(findings);
    }

    /** Inspects one value; {@code field} names it in the findings. */
    public List<PersonalDataFinding> inspect(String field, String value, PersonRecord person) {
        var findings = new ArrayList<PersonalDataFinding>();
        if (EMAIL.matcher(value).find()) {
            findings.add(new PersonalDataFinding(field, Kind.EMAIL_ADDRESS, mask(value)));
        }
        Set<String> fieldForms = normalizedForms(value);
        Set<String> fieldWords = words(value);
        for (Map.Entry<Kind, List<String>> known : knownValues(person).entrySet()) {
            if (known.getValue().stream().anyMatch(knownValue -> matches(knownValue, fieldForms, fieldWords))) {
                findings.add(new PersonalDataFinding(field, known.getKey(), mask(value)));
            }
        }
        return List.copyOf(findings);
    }

    private void inspectSubject(X500Name subject, PersonRecord person, List<PersonalDataFinding> findings) {
        for (RDN rdn : subject.getRDNs()) {
            for (AttributeTypeAndValue attribute : rdn.getTypesAndValues()) {
                String type = BCStyle.INSTANCE.oidToDisplayName(attribute.getType());
                String field = "subject " + (type == null ? attribute.getType().getId() : type);
                findings.addAll(inspect(field, IETFUtils.valueToString(attribute.getValue()), person));
            }
        }
    }

    private static Map<Kind, List<String>> knownValues(PersonRecord person) {
        var known = new EnumMap<Kind, List<String>>(Kind.class);
        addKnown(known, Kind.GIVEN_NAME, person.givenName(), true);
        addKnown(known, Kind.FAMILY_NAME, person.familyName(), true);
        // The domain of the address names the authority, not the person, so only the local part is split into words.
        addKnown(known, Kind.KNOWN_EMAIL, person.email(), false);
        String email = person.email();
        if (email != null && email.indexOf('@') > 0) {
            addKnown(known, Kind.KNOWN_EMAIL, email.substring(0, email.lastIndexOf('@')), true);
        }
        addKnown(known, Kind.OIDC_SUBJECT, person.oidcSubject(), false);
        return known;
    }

    /**
     * Adds a known value and, with {@code splitWords}, each of its words long enough to be specific, so that a
     * double name such as "Anna-Lena" also matches "lena".
     */
    private static void addKnown(Map<Kind, List<String>> known, Kind kind, @Nullable String value, boolean splitWords) {
        if (value == null || value.isBlank()) {
            return;
        }
        List<String> values = known.computeIfAbsent(kind, unused -> new ArrayList<>());
        values.add(value);
        String[] words = WORD_SEPARATOR.split(value.strip());
        if (splitWords && words.length > 1) {
            for (String word : words) {
                if (normalize(word, true).length() >= MIN_SUBSTRING_LENGTH) {
                    values.add(word);
                }
            }
        }
    }

    private static boolean matches(String knownValue, Set<String> fieldForms, Set<String> fieldWords) {
        for (String form : normalizedForms(knownValue)) {
            if (form.isEmpty()) {
                continue;
            }
            boolean found = form.length() >= MIN_SUBSTRING_LENGTH
                    ? fieldForms.stream().anyMatch(fieldForm -> fieldForm.contains(form))
                    : fieldWords.contains(form);
            if (found) {
                return true;
            }
        }
        return false;
    }

    /** Returns the value with umlauts expanded (ä to ae) and with accents dropped (ä to a), letters and digits only. */
    static Set<String> normalizedForms(String value) {
        return new LinkedHashSet<>(List.of(normalize(value, true), normalize(value, false)));
    }

    private static Set<String> words(String value) {
        var words = new LinkedHashSet<String>();
        for (String word : WORD_SEPARATOR.split(value)) {
            words.addAll(normalizedForms(word));
        }
        words.remove("");
        return words;
    }

    private static String normalize(String value, boolean expandUmlauts) {
        String lower = value.toLowerCase(Locale.ROOT).replace("ß", "ss");
        if (expandUmlauts) {
            lower = lower.replace("ä", "ae").replace("ö", "oe").replace("ü", "ue");
        }
        String decomposed = Normalizer.normalize(lower, Normalizer.Form.NFD);
        return NOT_LETTER_OR_DIGIT
                .matcher(COMBINING_MARK.matcher(decomposed).replaceAll(""))
                .replaceAll("");
    }

    /** Keeps the first character, so a finding can be located without repeating the personal value. */
    static String mask(String value) {
        if (value.isEmpty()) {
            return "";
        }
        int first = value.offsetByCodePoints(0, 1);
        int hidden = Math.min(value.codePointCount(first, value.length()), 8);
        return value.substring(0, first) + "*".repeat(Math.max(hidden, 1));
    }

    private static Collection<List<?>> subjectAlternativeNames(X509Certificate certificate) {
        try {
            Collection<List<?>> names = certificate.getSubjectAlternativeNames();
            return names == null ? List.of() : names;
        } catch (CertificateParsingException e) {
            throw new IllegalArgumentException(
                    "The SubjectAlternativeName extension of certificate "
                            + certificate.getSerialNumber().toString(16) + " cannot be parsed",
                    e);
        }
    }

    private static String sanValue(Object value) {
        return value instanceof byte[] bytes ? HexFormat.of().formatHex(bytes) : value.toString();
    }

    private static String generalNameType(int tag) {
        return switch (tag) {
            case GeneralName.otherName -> "otherName";
            case GeneralName.rfc822Name -> "rfc822Name";
            case GeneralName.dNSName -> "dNSName";
            case GeneralName.x400Address -> "x400Address";
            case GeneralName.directoryName -> "directoryName";
            case GeneralName.ediPartyName -> "ediPartyName";
            case GeneralName.uniformResourceIdentifier -> "uniformResourceIdentifier";
            case GeneralName.iPAddress -> "iPAddress";
            case GeneralName.registeredID -> "registeredID";
            default -> "tag " + tag;
        };
    }
}
