package de.klammer.ledger;

import de.klammer.ledger.ImportedMsp.MspFile;
import de.klammer.ledger.ImportedMsp.NodeOuSettings;
import de.klammer.ledger.ImportedMsp.OuIdentifier;
import de.klammer.ledger.internal.Certificates;
import java.util.List;

/** Creates a new organisation in memory: its own root CA, an admin and a client, and a NodeOU MSP definition. */
final class TestOrganizations {

    private TestOrganizations() {}

    /** A generated organisation and the identities issued by its CA. */
    record NewOrganization(ImportedMsp msp, TestCertificates.Authority ca, TestCertificates.Issued admin,
            TestCertificates.Issued client) {}

    static NewOrganization create(String mspId) throws Exception {
        TestCertificates.Authority ca = TestCertificates.rootCa(mspId.toLowerCase(java.util.Locale.ROOT));
        TestCertificates.Issued admin = TestCertificates.issue(ca, mspId, "Admin@" + mspId, "admin");
        TestCertificates.Issued client = TestCertificates.issue(ca, mspId, "User1@" + mspId, "client");
        String caPem = Certificates.toPem(ca.certificate());
        String caFile = "cacerts/ca.pem";
        NodeOuSettings nodeOus = new NodeOuSettings(true,
                new OuIdentifier("config.yaml NodeOUs.ClientOUIdentifier", caFile, caPem, "client"),
                new OuIdentifier("config.yaml NodeOUs.PeerOUIdentifier", caFile, caPem, "peer"),
                new OuIdentifier("config.yaml NodeOUs.AdminOUIdentifier", caFile, caPem, "admin"),
                new OuIdentifier("config.yaml NodeOUs.OrdererOUIdentifier", caFile, caPem, "orderer"));
        ImportedMsp msp = new ImportedMsp(mspId, "generated", List.of(new MspFile(caFile, caPem)), List.of(),
                List.of(), List.of(new MspFile("tlscacerts/ca.pem", caPem)), List.of(), List.of(), List.of(),
                List.of(), nodeOus);
        return new NewOrganization(msp, ca, admin, client);
    }
}
