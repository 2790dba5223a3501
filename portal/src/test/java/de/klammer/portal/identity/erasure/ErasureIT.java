package de.klammer.portal.identity.erasure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import de.klammer.identity.EnrollmentCertificates;
import de.klammer.identity.FabricCaClient;
import de.klammer.identity.PersonRecord;
import de.klammer.identity.RoleAttribute;
import de.klammer.ledger.CertificateInfo;
import de.klammer.ledger.ChannelAdmin;
import de.klammer.ledger.ConfigChange;
import de.klammer.ledger.ConfigUpdateRejectedException;
import de.klammer.ledger.DeliverRefusedException;
import de.klammer.ledger.SigningIdentity;
import de.klammer.portal.LedgerIntegrationTest;
import de.klammer.portal.authority.Authority;
import de.klammer.portal.authority.AuthorityService;
import de.klammer.portal.authority.BoardMemberService;
import de.klammer.portal.browser.BoardSteps;
import de.klammer.portal.identity.CertificateAuthorities;
import de.klammer.portal.identity.CertificateSummary;
import de.klammer.portal.identity.IdentityVaultService;
import de.klammer.portal.identity.KeySource;
import de.klammer.portal.identity.LedgerIdentityDetails;
import de.klammer.portal.identity.LedgerIdentityService;
import de.klammer.portal.identity.LedgerIdentityStatus;
import de.klammer.portal.identity.LedgerRole;
import de.klammer.portal.identity.erasure.ErasureTestSupport.Enrolled;
import de.klammer.portal.identity.erasure.internal.RequestChannelUpdate;
import de.klammer.portal.identity.erasure.internal.RequestChannelUpdateRepository;
import de.klammer.portal.ledger.AuthoritySignature;
import de.klammer.portal.ledger.LedgerGateway;
import de.klammer.portal.ledger.OrganizationView;
import de.klammer.portal.ledger.PolicyChange;
import de.klammer.portal.ledger.PreparedUpdate;
import de.klammer.portal.security.PortalRole;
import de.klammer.portal.security.PortalUser;
import de.klammer.portal.security.TestUsers;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Erasure and correction against the real BAMF CA and the real orderer: the CRL reaches the channel, the orderer
 * then rejects the revoked identity, and nothing personal stays in the database or the logs.
 */
@LedgerIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class ErasureIT {

    private static final String MSP_ID = "BamfMSP";

    @Autowired
    DataSubjectRequestService requests;

    @Autowired
    RequestExecutionService execution;

    @Autowired
    CertificateAuthorities authorities;

    @Autowired
    IdentityVaultService vault;

    @Autowired
    AuthorityService authorityService;

    @Autowired
    BoardMemberService boardMembers;

    @Autowired
    LedgerGateway ledger;

    @Autowired
    RequestChannelUpdateRepository channelUpdates;

    @Autowired
    DataSource dataSource;

    @Autowired
    LedgerIdentityService ledgerIdentities;

    @BeforeEach
    void signInDpo() {
        TestUsers.signIn(new TestUsers(authorityService, boardMembers).user("bamf", PortalRole.DPO));
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    @Test
    void rejectsErasedIdentityAtOrderer() {
        Enrolled person = enrolWithVaultRecord(person("Rosalinde"));
        SigningIdentity identity = identity(person);
        try (ChannelAdmin asPerson = ErasureTestSupport.channelAdmin(identity)) {
            assertThat(asPerson.readConfig(channel()).sequence()).isPositive();
        }
        int crlsBefore = crlCount();

        RequestSummary erased = erase(person.enrollmentId());

        assertThat(erased.status()).isEqualTo(RequestStatus.COMPLETED);
        assertThat(erased.step()).isEqualTo(ExecutionStep.VAULT_DESTROYED);
        assertThat(erased.channels()).singleElement().satisfies(progress -> {
            assertThat(progress.state()).isEqualTo("applied");
            assertThat(progress.blockNumber()).isNotNull();
            assertThat(progress.refusalCheck()).contains("revoked at CA", "since block " + progress.blockNumber());
        });
        assertThat(erased.recipients()).extracting(RecipientView::mspId).containsExactly("LdsMSP");
        assertThat(crlCount()).isEqualTo(crlsBefore + 1);
        assertThat(vault.contains(person.enrollmentId())).isFalse();
        assertRefusedByOrderer(identity);
    }

    @Test
    void keepsFirstCrlOnSecondErasure() throws Exception {
        Enrolled first = enrolWithVaultRecord(person("Gundula"));
        Enrolled second = enrolWithVaultRecord(person("Hiltrud"));
        int crlsBefore = crlCount();

        RequestSummary firstErasure = erase(first.enrollmentId());
        String firstCrl = crlPem(firstErasure.id());
        RequestSummary secondErasure = erase(second.enrollmentId());

        assertThat(secondErasure.status()).isEqualTo(RequestStatus.COMPLETED);
        assertThat(crlCount()).isEqualTo(crlsBefore + 2);
        assertThat(crl(firstCrl).getRevokedCertificate(first.keyStore().certificate().getSerialNumber()))
                .isNotNull();
        // The MSP definition keeps each CRL as the PEM text that was added.
        byte[] firstCrlPem = firstCrl.getBytes(StandardCharsets.US_ASCII);
        try (ChannelAdmin operator = ErasureTestSupport.channelAdmin(ErasureTestSupport.ordererAdmin())) {
            byte[] configBlock = operator.readConfigBlock(channel());
            assertThat(indexOf(configBlock, firstCrlPem)).as("first CRL in the config block").isNotNegative();
        }
        assertRefusedByOrderer(identity(first));
        assertRefusedByOrderer(identity(second));
    }

    @Test
    void correctionIssuesCertificateWithCorrectedAttributes() throws Exception {
        Enrolled person = enrolWithVaultRecord(person("Waltraud"));
        SigningIdentity oldIdentity = identity(person);
        RequestSummary filed = requests.fileCorrection(person.enrollmentId(), "Art. 16 GDPR: wrong department",
                LocalDate.now(), List.of(new RoleAttribute("klammer.department", "hearing")), List.of());

        ExecutionResult result = execution.execute(filed.id());

        assertThat(result.request().status()).isEqualTo(RequestStatus.COMPLETED);
        assertThat(result.request().step()).isEqualTo(ExecutionStep.REFUSAL_VERIFIED);
        assertThat(result.issued()).isNotNull();
        SigningIdentity newIdentity =
                ErasureTestSupport.signingIdentity(MSP_ID, result.issued().pkcs12(), result.issued().password());
        assertThat(EnrollmentCertificates.attributes(certificate(newIdentity.certificatePem())))
                .containsEntry("klammer.department", "hearing")
                .containsEntry("klammer.role", "clerk");
        assertThat(result.request().revokedSerials())
                .containsExactly(person.keyStore().certificate().getSerialNumber().toString(16));
        assertThat(result.request().channels()).singleElement().satisfies(progress -> assertThat(
                        progress.refusalCheck())
                .contains("new certificate " + result.issued().serialHex() + " accepted"));
        assertThat(vault.contains(person.enrollmentId())).isTrue();
        assertThat(result.request().recipients()).extracting(RecipientView::mspId).containsExactly("LdsMSP");
        assertRefusedByOrderer(oldIdentity);
        try (ChannelAdmin asCorrected = ErasureTestSupport.channelAdmin(newIdentity)) {
            assertThat(asCorrected.readConfig(channel()).sequence()).isPositive();
        }
    }

    @Test
    void erasureRemovesListedAdminCertificate() throws Exception {
        Enrolled person = enrolWithVaultRecord(person("Adelheid"));
        X509Certificate certificate = person.keyStore().certificate();
        String sha256 = sha256(certificate);
        listAsAdmin(pem(certificate));
        assertThat(listedAdmins()).as("listed before the erasure").contains(sha256);

        RequestSummary erased = erase(person.enrollmentId());

        assertThat(erased.status()).isEqualTo(RequestStatus.COMPLETED);
        assertThat(listedAdmins()).as("listed after the erasure").doesNotContain(sha256);
        assertThat(erased.channels()).singleElement()
                .satisfies(progress -> assertThat(progress.refusalCheck()).contains("rejected"));
        assertRefusedByOrderer(identity(person));
    }

    @Test
    void correctionRecordsReissuedCertificate() {
        TestUsers users = new TestUsers(authorityService, boardMembers);
        LedgerIdentityDetails enrolled = enrolThroughPortal(users);
        String oldSerial = enrolled.certificates().getFirst().serialHex();
        TestUsers.signIn(users.user("bamf", PortalRole.DPO));
        RequestSummary filed = requests.fileCorrection(enrolled.enrollmentId(), "Art. 16 GDPR: wrong role",
                LocalDate.now(), List.of(new RoleAttribute("klammer.roles", "decision-clerk")), List.of());

        ExecutionResult result = execution.execute(filed.id());

        assertThat(result.request().status()).isEqualTo(RequestStatus.COMPLETED);
        String newSerial = result.issued().serialHex();
        LedgerIdentityDetails corrected = ledgerIdentities.details(enrolled.id());
        assertThat(corrected.roles()).containsExactly(LedgerRole.DECISION_CLERK);
        List<CertificateSummary> recorded = corrected.certificates();
        assertThat(recorded).extracting(CertificateSummary::serialHex).containsExactlyInAnyOrder(oldSerial, newSerial);
        assertThat(recorded).filteredOn(summary -> summary.serialHex().equals(newSerial)).singleElement()
                .satisfies(summary -> assertThat(summary.status()).isEqualTo("active"));
        assertThat(recorded).filteredOn(summary -> summary.serialHex().equals(oldSerial)).singleElement()
                .satisfies(summary -> assertThat(summary.status()).isEqualTo("revoked"));
        assertThat(ledgerIdentities.activeCertificates())
                .as("the expiry list sees the new certificate")
                .extracting(CertificateSummary::serialHex)
                .contains(newSerial)
                .doesNotContain(oldSerial);
    }

    @Test
    void rejectsCorrectionWithUnknownRole() {
        Enrolled person = enrolWithVaultRecord(person("Brunhilde"));
        int filedBefore = requests.list().size();

        assertThatExceptionOfType(IllegalArgumentException.class)
                .isThrownBy(() -> requests.fileCorrection(person.enrollmentId(), "Art. 16 GDPR", LocalDate.now(),
                        List.of(new RoleAttribute("klammer.roles", "decision-clerk,chief")), List.of()))
                .withMessageContaining("'chief'")
                .withMessageContaining("registration-clerk");
        assertThat(requests.list()).as("nothing filed").hasSize(filedBefore);
    }

    @Test
    void databaseDumpHoldsNoPersonalDataAfterErasure(CapturedOutput output) throws Exception {
        PersonRecord record = person("Kunigunde");
        Enrolled person = enrolWithVaultRecord(record);
        requests.correctPersonNames(
                person.enrollmentId(), record.givenName(), record.familyName() + "-Korrigiert", record.email());
        PersonRecord corrected = vault.resolve(person.enrollmentId(), "check the rectification");
        assertThat(corrected.familyName()).isEqualTo(record.familyName() + "-Korrigiert");
        assertThat(corrected.oidcSubject()).isEqualTo(record.oidcSubject());

        erase(person.enrollmentId());

        String dump = dumpDatabase();
        assertThat(dump).contains(person.enrollmentId());
        for (String personal : List.of(record.familyName(), record.email(), record.oidcSubject())) {
            assertThat(dump).as("database dump").doesNotContain(personal);
            assertThat(output.getAll()).as("log output").doesNotContain(personal);
        }
    }

    /** Requests a person's identity as one BAMF administrator, approves it as another and returns it enrolled. */
    private LedgerIdentityDetails enrolThroughPortal(TestUsers users) {
        TestUsers.signIn(admin(users));
        LedgerIdentityDetails requested = ledgerIdentities.requestForPerson(person("Irmgard"),
                Set.of(LedgerRole.REGISTRATION_CLERK), LocalDate.now().plusMonths(6), KeySource.GENERATED);
        TestUsers.signIn(admin(users));
        LedgerIdentityDetails enrolled = ledgerIdentities.approve(requested.id()).identity();
        assertThat(enrolled.status()).isEqualTo(LedgerIdentityStatus.ENROLLED);
        return enrolled;
    }

    private static PortalUser admin(TestUsers users) {
        PortalUser base = users.user("bamf", PortalRole.AUTHORITY_ADMIN);
        return new PortalUser(base.issuer(), base.authority(), base.roles(), null, "admin-" + UUID.randomUUID());
    }

    /** Lists the certificate among BAMF's MSP admins, signed by BAMF's admin as the MSP's mod_policy requires. */
    private static void listAsAdmin(String certificatePem) {
        SigningIdentity bamfAdmin = ErasureTestSupport.bamfAdmin();
        try (ChannelAdmin admin = ErasureTestSupport.channelAdmin(bamfAdmin)) {
            var update = admin.prepare(channel(), List.of(new ConfigChange.AddAdmin(MSP_ID, certificatePem)));
            byte[] signature = ChannelAdmin.sign(update.configUpdate(), bamfAdmin);
            admin.submit(channel(), update.configUpdate(), List.of(signature));
            assertThat(admin.awaitApplied(
                            channel(), update.configUpdate(), update.baseSequence(), Duration.ofSeconds(30)))
                    .as("admin listed on the channel")
                    .isPresent();
        }
    }

    private static List<String> listedAdmins() {
        try (ChannelAdmin operator = ErasureTestSupport.channelAdmin(ErasureTestSupport.ordererAdmin())) {
            return operator.readConfig(channel()).organization(MSP_ID).orElseThrow().msp().admins().stream()
                    .map(CertificateInfo::sha256Fingerprint)
                    .map(fingerprint -> fingerprint.replace(":", "").toLowerCase(Locale.ROOT))
                    .toList();
        }
    }

    private static String sha256(X509Certificate certificate) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
    }

    private static String pem(X509Certificate certificate) throws Exception {
        String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(certificate.getEncoded());
        return "-----BEGIN CERTIFICATE-----\n" + body + "\n-----END CERTIFICATE-----\n";
    }

    private RequestSummary erase(String enrollmentId) {
        RequestSummary filed = requests.fileErasure(enrollmentId, "Art. 17(1)(a) GDPR", LocalDate.now());
        return execution.execute(filed.id()).request();
    }

    private Enrolled enrolWithVaultRecord(PersonRecord record) {
        FabricCaClient client = authorities.client(MSP_ID);
        Enrolled enrolled = ErasureTestSupport.enrol(client, authorities.settings(MSP_ID).affiliation(),
                List.of(new RoleAttribute("klammer.role", "clerk"),
                        new RoleAttribute("klammer.department", "registration")));
        Authority bamf = authorityService.findByMspId(MSP_ID).orElseThrow();
        vault.store(enrolled.enrollmentId(), bamf.id(), record);
        return enrolled;
    }

    private static PersonRecord person(String givenName) {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        return new PersonRecord(givenName, "Familienname" + unique, givenName.toLowerCase(Locale.ROOT) + "." + unique
                + "@behoerde.example", "http://127.0.0.1/bamf", "subject-" + unique);
    }

    private static SigningIdentity identity(Enrolled enrolled) {
        return ErasureTestSupport.signingIdentity(
                MSP_ID, enrolled.keyStore().pkcs12(), ErasureTestSupport.PASSWORD);
    }

    /** Checks both directions: Deliver as the identity and Broadcast with the identity as envelope creator. */
    private void assertRefusedByOrderer(SigningIdentity identity) {
        try (ChannelAdmin asIdentity = ErasureTestSupport.channelAdmin(identity)) {
            assertThatExceptionOfType(DeliverRefusedException.class)
                    .isThrownBy(() -> asIdentity.readConfig(channel()))
                    .satisfies(refused -> assertThat(refused.status()).isEqualTo("FORBIDDEN"));
        }
        String rule = BoardSteps.endorsementFlip(ledger, channel());
        PreparedUpdate update = ledger.prepare(channel(), new PolicyChange(BoardSteps.ENDORSEMENT, rule));
        List<byte[]> signatures = new ArrayList<>();
        for (String mspId : update.signingMspIds()) {
            AuthoritySignature signature = ledger.sign(mspId, update);
            signatures.add(signature.configSignature());
        }
        try (ChannelAdmin operator = ErasureTestSupport.channelAdmin(ErasureTestSupport.ordererAdmin())) {
            assertThatExceptionOfType(ConfigUpdateRejectedException.class)
                    .isThrownBy(() -> operator.submit(channel(), update.configUpdate(), signatures, identity))
                    .satisfies(rejected -> assertThat(rejected.status()).isEqualTo("FORBIDDEN"));
        }
    }

    private int crlCount() {
        return ledger.readChannel(channel()).organizations().stream()
                .filter(organization -> organization.mspId().equals(MSP_ID))
                .mapToInt(OrganizationView::crlCount)
                .sum();
    }

    private String crlPem(UUID requestId) {
        return channelUpdates.findByRequestIdOrderByChannelAsc(requestId).stream()
                .map(RequestChannelUpdate::crlPem)
                .findFirst()
                .orElseThrow();
    }

    private static X509Certificate certificate(String pem) throws Exception {
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
    }

    private static X509CRL crl(String pem) throws Exception {
        return (X509CRL) CertificateFactory.getInstance("X.509")
                .generateCRL(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /**
     * Dumps every row of every table in every non-system schema over JDBC, all columns as text and bytea columns
     * also decoded as UTF-8, because Debian's pg_dump 15 cannot dump the embedded PostgreSQL 17.
     */
    private String dumpDatabase() throws Exception {
        StringBuilder dump = new StringBuilder();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("select table_schema, table_name from information_schema.tables"
                    + " where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')")) {
                while (rows.next()) {
                    tables.add("\"" + rows.getString(1) + "\".\"" + rows.getString(2) + "\"");
                }
            }
            assertThat(tables).anyMatch(table -> table.contains("person_vault"));
            for (String table : tables) {
                try (ResultSet rows = statement.executeQuery("select * from " + table)) {
                    ResultSetMetaData meta = rows.getMetaData();
                    while (rows.next()) {
                        dump.append(table).append(':');
                        for (int column = 1; column <= meta.getColumnCount(); column++) {
                            dump.append(' ').append(rows.getString(column));
                            if (meta.getColumnType(column) == Types.BINARY) {
                                byte[] bytes = rows.getBytes(column);
                                if (bytes != null) {
                                    dump.append(' ').append(new String(bytes, StandardCharsets.UTF_8));
                                }
                            }
                        }
                        dump.append('\n');
                    }
                }
            }
        }
        return dump.toString();
    }

    private static String channel() {
        return ErasureTestSupport.channel();
    }
}
