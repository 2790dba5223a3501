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
}
