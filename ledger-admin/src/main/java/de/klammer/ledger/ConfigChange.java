package de.klammer.ledger;

import java.util.Objects;

/** A typed change to a channel configuration. */
public sealed interface ConfigChange {

    /** Returns the change in plain words. */
    String describe();

    /**
     * Sets the policy at an absolute path, for example {@code /Channel/Application/Endorsement}, to a new rule. An
     * existing policy keeps its mod_policy, and a new one gets {@code Admins}.
     */
    record SetPolicy(String path, PolicyRule rule) implements ConfigChange {

        public SetPolicy {
            Objects.requireNonNull(path, "path must not be null");
            Objects.requireNonNull(rule, "rule must not be null");
        }

        @Override
        public String describe() {
            return "Set policy " + path + " to " + rule.text();
        }
    }

    /**
     * Points the channel ACL of a peer resource, for example {@code qscc/GetChainInfo} or {@code event/Block}, at a
     * policy. A reference without a leading slash names a policy under {@code /Channel/Application}, as Fabric reads
     * it, and is stored as that absolute path. The policy must exist once all changes of the update are applied.
     */
    record SetAcl(String resource, String policyRef) implements ConfigChange {

        public SetAcl {
            Objects.requireNonNull(resource, "resource must not be null");
            Objects.requireNonNull(policyRef, "policyRef must not be null");
        }

        @Override
        public String describe() {
            return "Point the ACL of " + resource + " at policy " + policyRef;
        }
    }

    /**
     * Adds a certificate revocation list to an organisation's MSP definition, keeping the CRLs already there. The CRL
     * must carry an AuthorityKeyIdentifier equal to the SubjectKeyIdentifier of one of the MSP's CA certificates and
     * be signed by that CA, since Fabric ignores it otherwise, and a CRL without that identifier breaks the MSP.
     */
    record AddRevocationList(String mspId, String crlPem) implements ConfigChange {

        public AddRevocationList {
            Objects.requireNonNull(mspId, "mspId must not be null");
            Objects.requireNonNull(crlPem, "crlPem must not be null");
        }

        @Override
        public String describe() {
            return "Add a certificate revocation list to the MSP of " + mspId;
        }
    }

    /**
     * Lists a certificate explicitly among the admins of an organisation's MSP definition. The certificate must be
     * issued by one of the MSP's CA certificates, because Fabric rejects a config whose listed admins it cannot
     * validate.
     */
    record AddAdmin(String mspId, String certificatePem) implements ConfigChange {

        public AddAdmin {
            Objects.requireNonNull(mspId, "mspId must not be null");
            Objects.requireNonNull(certificatePem, "certificatePem must not be null");
        }

        @Override
        public String describe() {
            return "Add an admin certificate to the MSP of " + mspId;
        }
    }

    /**
     * Removes a certificate from the explicit admins of an organisation's MSP definition. A revoked certificate that
     * stays listed there would still satisfy admin principals, because Fabric matches listed admins without
     * checking CRLs.
     */
    record RemoveAdmin(String mspId, String certificateSha256) implements ConfigChange {

        public RemoveAdmin {
            Objects.requireNonNull(mspId, "mspId must not be null");
            Objects.requireNonNull(certificateSha256, "certificateSha256 must not be null");
        }

        @Override
        public String describe() {
            return "Remove the admin certificate " + certificateSha256 + " from the MSP of " + mspId;
        }
    }
    /**
     * Adds an organisation below {@code /Channel/Application} with its MSP definition and the policies that Fabric's
     * sample configtx.yaml files give an organisation: with NodeOUs, Readers {@code OR(admin, peer, client)}, Writers
     * {@code OR(admin, client)}, Admins {@code OR(admin)} and Endorsement {@code OR(peer)}; without NodeOUs, member
     * instead of the node roles. The definition must pass {@link MspValidation} against the channel without errors.
     */
    record AddOrganization(ImportedMsp msp) implements ConfigChange {

        public AddOrganization {
            Objects.requireNonNull(msp, "msp must not be null");
        }

        @Override
        public String describe() {
            return "Add the organisation " + msp.mspId() + " to the channel's application group";
        }
    }

    /** Removes an organisation, found by MSP ID, from {@code /Channel/Application}. */
    record RemoveOrganization(String mspId) implements ConfigChange {

        public RemoveOrganization {
            Objects.requireNonNull(mspId, "mspId must not be null");
        }

        @Override
        public String describe() {
            return "Remove the organisation " + mspId + " from the channel's application group";
        }
    }
}
