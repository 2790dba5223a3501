package de.klammer.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import de.klammer.ledger.ConfigChange.SetAcl;
import de.klammer.ledger.ConfigChange.SetPolicy;
import de.klammer.ledger.internal.ChannelMsp;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x509.Certificate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Role-level rights on the real LDS peer: identities enrolled at the real BAMF CA under a department affiliation
 * carry that department as an OU, and an ACL whose policy names OU principals lets through only the roles it lists.
 * The test points {@code qscc/GetChainInfo} back at the Readers policy afterwards.
 */
class RoleOuAclIT {

    private static final String CHAIN_INFO = "qscc/GetChainInfo";
    private static final String READERS = "/Channel/Application/Readers";

    private static TestNetwork network;
    private static ChannelAdmin admin;
    private static PeerQueries ldsPeer;

    @TempDir
    static Path caHome;

    @BeforeAll
    static void connect() {
        network = TestNetwork.get();
        admin = network.admin();
        ldsPeer = new PeerQueries(network.peer("LdsMSP"));
    }

    @AfterAll
    static void restoreReadersAcl() {
        try {
            if (!READERS.equals(admin.readAcls(network.channel()).get(CHAIN_INFO))) {
                applyWithBothAdmins(admin.prepare(network.channel(), List.of(new SetAcl(CHAIN_INFO, READERS))));
            }
        } finally {
            ldsPeer.close();
            admin.close();
        }
    }

    @Test
    void roleGainsChainInfoAfterGrant() throws Exception {
        CaEnrolments bamfCa = new CaEnrolments(network, "BamfMSP", caHome);
        SigningIdentity registrationClerk = bamfCa.enrolClient("bamf.registration");
        SigningIdentity decisionClerk = bamfCa.enrolClient("bamf.decision");
        SigningIdentity ldsClient = network.identity("lds-client");
        resetToReaders(ldsClient);

        String policy = "/Channel/Application/RoleProbe" + System.nanoTime();
        AppliedConfigUpdate restricted = applyWithBothAdmins(admin.prepare(network.channel(), List.of(
                new SetPolicy(policy, PolicyRule.parse("OR('BamfMSP.OU(decision)')")),
                new SetAcl(CHAIN_INFO, policy))));
        awaitPeerHeight(restricted.blockNumber() + 1, decisionClerk);

        assertThat(ChannelMsp.organizationalUnits(certificate(registrationClerk))).contains("registration", "client");
        assertThat(ChannelMsp.organizationalUnits(certificate(decisionClerk))).contains("decision", "client");
        assertThat(writtenPrincipals(policy)).singleElement()
                .isEqualTo(new PolicyRule.OuPrincipal("BamfMSP", "decision", bamfCertifiersIdentifier()));
        assertThatExceptionOfType(PeerRequestRejectedException.class)
                .isThrownBy(() -> ldsPeer.chainInfo(network.channel(), registrationClerk))
                .satisfies(e -> assertThat(e.resource()).isEqualTo(CHAIN_INFO))
                .satisfies(e -> assertThat(e.peerMessage()).contains("access denied for [GetChainInfo]"));
        assertThatExceptionOfType(PeerRequestRejectedException.class)
                .isThrownBy(() -> ldsPeer.chainInfo(network.channel(), ldsClient))
                .satisfies(e -> assertThat(e.resource()).isEqualTo(CHAIN_INFO));
        assertThat(ldsPeer.chainInfo(network.channel(), decisionClerk).height())
                .isGreaterThan(restricted.blockNumber());

        AppliedConfigUpdate granted = applyWithBothAdmins(admin.prepare(network.channel(), List.of(new SetPolicy(
                policy, PolicyRule.parse("OR('BamfMSP.OU(decision)', 'BamfMSP.OU(registration)')")))));
        awaitPeerHeight(granted.blockNumber() + 1, decisionClerk);

        assertThat(ldsPeer.chainInfo(network.channel(), registrationClerk).height())
                .isGreaterThan(granted.blockNumber());
        assertThatExceptionOfType(PeerRequestRejectedException.class)
                .isThrownBy(() -> ldsPeer.chainInfo(network.channel(), ldsClient))
                .satisfies(e -> assertThat(e.resource()).isEqualTo(CHAIN_INFO));

        AppliedConfigUpdate restored = applyWithBothAdmins(
                admin.prepare(network.channel(), List.of(new SetAcl(CHAIN_INFO, READERS))));
        // The decision clerk passes both the probe policy and Readers, so it can read the height while the peer
        // still enforces the old ACL.
        awaitPeerHeight(restored.blockNumber() + 1, decisionClerk);
        assertThat(ldsPeer.chainInfo(network.channel(), ldsClient).height()).isGreaterThan(restored.blockNumber());
    }

    @Test
    void foreignCertifiersRefusedAtPeer() throws Exception {
        SigningIdentity decisionClerk = new CaEnrolments(network, "BamfMSP", caHome).enrolClient("bamf.decision");
        SigningIdentity bamfAdmin = network.identity("bamf-admin");
        resetToReaders(bamfAdmin);
        String foreignCertifiers = "ab".repeat(32);
        PolicyRule rule = new PolicyRule.Signature(
                new PolicyRule.NOutOf(1, List.of(new PolicyRule.SignedBy(0), new PolicyRule.SignedBy(1))),
                List.of(new PolicyRule.RolePrincipal("BamfMSP", PolicyRule.Role.ADMIN),
                        new PolicyRule.OuPrincipal("BamfMSP", "decision", foreignCertifiers)));

        String policy = "/Channel/Application/ForeignCertifiersProbe" + System.nanoTime();
        AppliedConfigUpdate restricted = applyWithBothAdmins(admin.prepare(network.channel(), List.of(
                new SetPolicy(policy, rule), new SetAcl(CHAIN_INFO, policy))));
        awaitPeerHeight(restricted.blockNumber() + 1, bamfAdmin);

        assertThat(writtenPrincipals(policy)).contains(
                new PolicyRule.OuPrincipal("BamfMSP", "decision", foreignCertifiers));
        assertThatExceptionOfType(PeerRequestRejectedException.class)
                .isThrownBy(() -> ldsPeer.chainInfo(network.channel(), decisionClerk))
                .satisfies(e -> assertThat(e.resource()).isEqualTo(CHAIN_INFO));

        AppliedConfigUpdate restored = applyWithBothAdmins(
                admin.prepare(network.channel(), List.of(new SetAcl(CHAIN_INFO, READERS))));
        awaitPeerHeight(restored.blockNumber() + 1, bamfAdmin);
    }

    /**
     * Computes the certifiers identifier independently: SHA-256 over the DER of the BAMF root CA certificate in the
     * form Fabric's MSP keeps it, with the ECDSA signature's S rewritten to the low half of the curve order.
     */
    private static String bamfCertifiersIdentifier() throws Exception {
        Path pem = Path.of(network.value("org.BamfMSP.ca.cert"));
        X509Certificate root = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(Files.newInputStream(pem));
        Certificate parsed = Certificate.getInstance(root.getEncoded());
        ASN1Sequence signature = ASN1Sequence.getInstance(parsed.getSignature().getOctets());
        BigInteger r = ASN1Integer.getInstance(signature.getObjectAt(0)).getValue();
        BigInteger s = ASN1Integer.getInstance(signature.getObjectAt(1)).getValue();
        BigInteger order = ((ECPublicKey) root.getPublicKey()).getParams().getOrder();
        byte[] stored = root.getEncoded();
        if (s.compareTo(order.shiftRight(1)) > 0) {
            byte[] lowS = new DERSequence(new ASN1Encodable[] {new ASN1Integer(r), new ASN1Integer(order.subtract(s))})
                    .getEncoded(ASN1Encoding.DER);
            stored = new DERSequence(new ASN1Encodable[] {
                        parsed.getTBSCertificate(), parsed.getSignatureAlgorithm(), new DERBitString(lowS)})
                    .getEncoded(ASN1Encoding.DER);
        }
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(stored));
    }

    private static List<PolicyRule.Principal> writtenPrincipals(String policyPath) {
        PolicyRule rule = admin.readConfig(network.channel()).policy(policyPath).orElseThrow().rule();
        assertThat(rule).isInstanceOf(PolicyRule.Signature.class);
        return ((PolicyRule.Signature) rule).principals();
    }

    private static X509Certificate certificate(SigningIdentity identity) throws Exception {
        return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(
                new ByteArrayInputStream(identity.certificatePem().getBytes(StandardCharsets.US_ASCII)));
    }

    private static void resetToReaders(SigningIdentity reader) {
        if (!READERS.equals(admin.readAcls(network.channel()).get(CHAIN_INFO))) {
            AppliedConfigUpdate applied = applyWithBothAdmins(
                    admin.prepare(network.channel(), List.of(new SetAcl(CHAIN_INFO, READERS))));
            awaitPeerHeight(applied.blockNumber() + 1, reader);
        }
    }

    private static void awaitPeerHeight(long height, SigningIdentity reader) {
        PeerAclSteps.awaitPeerHeight(network, ldsPeer, height, reader);
    }

    private static AppliedConfigUpdate applyWithBothAdmins(PreparedUpdate update) {
        return PeerAclSteps.applyWithBothAdmins(network, admin, update);
    }
}
