package de.klammer.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import de.klammer.ledger.PolicyRule.ImplicitMeta;
import de.klammer.ledger.PolicyRule.Threshold;
import de.klammer.ledger.internal.PolicyProtos;
import org.junit.jupiter.api.Test;

class PolicyRuleTests {

    @Test
    void parsesImplicitMetaWithAndWithoutOf() {
        assertThat(PolicyRule.parse("ANY Endorsement")).isEqualTo(new ImplicitMeta(Threshold.ANY, "Endorsement"));
        assertThat(PolicyRule.parse("majority of Admins")).isEqualTo(new ImplicitMeta(Threshold.MAJORITY, "Admins"));
    }

    @Test
    void rendersSignaturePolicyAsCount() {
        PolicyRule rule = PolicyRule.parse("OutOf(2, 'BamfMSP.admin', 'LdsMSP.admin')");

        assertThat(rule.text()).isEqualTo("2 of {BamfMSP.admin, LdsMSP.admin}");
    }

    @Test
    void rendersNestedAndOr() {
        PolicyRule rule = PolicyRule.parse("AND('BamfMSP.admin', OR('LdsMSP.admin', 'LdsMSP.client'))");

        assertThat(rule.text()).isEqualTo("2 of {BamfMSP.admin, 1 of {LdsMSP.admin, LdsMSP.client}}");
    }

    @Test
    void survivesProtoRoundTrip() {
        PolicyRule rule = PolicyRule.parse("OutOf(1, 'BamfMSP.peer', 'LdsMSP.member')");

        assertThat(PolicyProtos.toRule(PolicyProtos.toProto(rule))).isEqualTo(rule);
    }

    @Test
    void rejectsUnknownRoleNamingIt() {
        assertThatExceptionOfType(IllegalArgumentException.class)
                .isThrownBy(() -> PolicyRule.parse("OR('BamfMSP.boss')"))
                .withMessageContaining("BamfMSP.boss")
                .withMessageContaining("member, admin, client");
    }

    @Test
    void rejectsOutOfThresholdAboveRuleCount() {
        assertThatExceptionOfType(IllegalArgumentException.class)
                .isThrownBy(() -> PolicyRule.parse("OutOf(3, 'A.admin', 'B.admin')"))
                .withMessageContaining("between 1 and 2");
    }

    @Test
    void rejectsUnknownKeywordNamingIt() {
        assertThatExceptionOfType(IllegalArgumentException.class)
                .isThrownBy(() -> PolicyRule.parse("bla bla 42"))
                .withMessageContaining("at character 1")
                .withMessageContaining("unknown keyword 'bla'");
    }

    @Test
    void pointsAtOutOfThreshold() {
        assertThatExceptionOfType(IllegalArgumentException.class)
                .isThrownBy(() -> PolicyRule.parse("OutOf(3,'BamfMSP.admin','LdsMSP.admin')"))
                .withMessageContaining("at character 7");
    }

    @Test
    void rejectsTrailingText() {
        assertThatExceptionOfType(IllegalArgumentException.class)
                .isThrownBy(() -> PolicyRule.parse("OR('A.admin') extra"))
                .withMessageContaining("unexpected text");
    }

    @Test
    void parsesOuPrincipalUnresolved() {
        PolicyRule rule = PolicyRule.parse("OR('BamfMSP.OU(decision)', 'LdsMSP.admin')");

        assertThat(rule).isInstanceOf(PolicyRule.Signature.class);
        assertThat(((PolicyRule.Signature) rule).principals()).containsExactly(
                new PolicyRule.OuPrincipal("BamfMSP", "decision", ""),
                new PolicyRule.RolePrincipal("LdsMSP", PolicyRule.Role.ADMIN));
        assertThat(rule.text()).isEqualTo("1 of {BamfMSP.OU(decision), LdsMSP.admin}");
    }

    @Test
    void ouPrincipalSurvivesProtoRoundTrip() {
        String certifiers = "00ff".repeat(16);
        PolicyRule rule = new PolicyRule.Signature(
                new PolicyRule.NOutOf(1, java.util.List.of(new PolicyRule.SignedBy(0), new PolicyRule.SignedBy(1))),
                java.util.List.of(new PolicyRule.OuPrincipal("BamfMSP", "decision", certifiers),
                        new PolicyRule.RolePrincipal("LdsMSP", PolicyRule.Role.MEMBER)));

        assertThat(PolicyProtos.toRule(PolicyProtos.toProto(rule))).isEqualTo(rule);
    }

    @Test
    void ouPrincipalWithoutCertifiersNotWritten() {
        PolicyRule rule = PolicyRule.parse("OR('BamfMSP.OU(decision)')");

        assertThatExceptionOfType(IllegalArgumentException.class)
                .isThrownBy(() -> PolicyProtos.toProto(rule))
                .withMessageContaining("BamfMSP.OU(decision)")
                .withMessageContaining("certifiers identifier");
    }

    @Test
    void rejectsOuPrincipalWithSpace() {
        assertThatExceptionOfType(IllegalArgumentException.class)
                .isThrownBy(() -> PolicyRule.parse("OR('BamfMSP.OU(deci sion)')"))
                .withMessageContaining("MSPID.OU(unit)");
    }
}
