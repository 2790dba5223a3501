package de.klammer.ledger;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/** A Fabric policy rule: an implicit-meta rule over sub-policies, or a signature rule over principals. */
public sealed interface PolicyRule {

    /** Returns the rule in plain text. */
    String text();

    /** Parses "ANY Readers", "MAJORITY Admins", "ALL Writers" or Fabric's signature-policy DSL. */
    static PolicyRule parse(String text) {
        return PolicyTextParser.parse(text);
    }

    /** The threshold of an implicit-meta rule. */
    enum Threshold {
        ANY,
        ALL,
        MAJORITY
    }

    /**
     * Requires {@code threshold} of the policies named {@code subPolicy} in the direct child groups.
     */
    record ImplicitMeta(Threshold threshold, String subPolicy) implements PolicyRule {

        public ImplicitMeta {
            Objects.requireNonNull(threshold, "threshold must not be null");
            Objects.requireNonNull(subPolicy, "subPolicy must not be null");
        }

        @Override
        public String text() {
            return threshold + " of " + subPolicy;
        }
    }

    /** A signature rule: a tree of n-out-of gates whose leaves point into {@code principals}. */
    record Signature(Gate rule, List<Principal> principals) implements PolicyRule {

        public Signature {
            principals = List.copyOf(principals);
        }

        @Override
        public String text() {
            return render(rule);
        }

        private String render(Gate gate) {
            return switch (gate) {
                case SignedBy signedBy -> signedBy.index() < principals.size()
                        ? principals.get(signedBy.index()).text()
                        : "<missing principal " + signedBy.index() + ">";
                case NOutOf nOutOf -> nOutOf.n() + " of {"
                        + nOutOf.rules().stream().map(this::render).collect(Collectors.joining(", ")) + "}";
            };
        }
    }

    /** A node of a signature rule. */
    sealed interface Gate {}

    /** A leaf: one signature by an identity that satisfies the principal at {@code index}. */
    record SignedBy(int index) implements Gate {}

    /** Satisfied when at least {@code n} of the rules are, each by a different identity. */
    record NOutOf(int n, List<Gate> rules) implements Gate {

        public NOutOf {
            rules = List.copyOf(rules);
        }
    }

    /** A principal of a signature rule. */
    sealed interface Principal {

        /** Returns the principal in Fabric's DSL notation, for example {@code BamfMSP.admin}. */
        String text();
    }

    /** A role principal such as {@code BamfMSP.admin}. */
    record RolePrincipal(String mspId, Role role) implements Principal {

        @Override
        public String text() {
            return mspId + "." + role.name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * An organisational-unit principal such as {@code BamfMSP.OU(decision)}. Fabric's MSP matches it only when the
     * identity is valid, carries the OU and was issued under the CA chain named by {@code certifiersIdentifier}: the
     * lower-case hex SHA-256 of the DER certificates from the issuing CA up to the root. An empty identifier is not
     * resolved yet, and {@code ChannelAdmin.prepare} fills it in from the channel's MSP definition.
     */
    record OuPrincipal(String mspId, String organizationalUnit, String certifiersIdentifier) implements Principal {

        public OuPrincipal {
            Objects.requireNonNull(mspId, "mspId must not be null");
            Objects.requireNonNull(organizationalUnit, "organizationalUnit must not be null");
            Objects.requireNonNull(certifiersIdentifier, "certifiersIdentifier must not be null");
        }

        /** Creates a principal whose certifiers identifier is resolved later from the channel's MSP. */
        public OuPrincipal(String mspId, String organizationalUnit) {
            this(mspId, organizationalUnit, "");
        }

        /** Returns a copy with the given certifiers identifier. */
        public OuPrincipal withCertifiers(String identifier) {
            return new OuPrincipal(mspId, organizationalUnit, identifier);
        }

        @Override
        public String text() {
            return mspId + ".OU(" + organizationalUnit + ")";
        }
    }

    /** A principal that names one certificate. */
    record IdentityPrincipal(String mspId, String certificateSubject) implements Principal {

        @Override
        public String text() {
            return mspId + ".identity(" + certificateSubject + ")";
        }
    }

    /** A principal classification this model does not decode, kept by its number. */
    record OtherPrincipal(int classification) implements Principal {

        @Override
        public String text() {
            return "principal(classification " + classification + ")";
        }
    }

    /** MSP roles, in the order of Fabric's {@code MSPRole.MSPRoleType}. */
    enum Role {
        MEMBER,
        ADMIN,
        CLIENT,
        PEER,
        ORDERER
    }
}
