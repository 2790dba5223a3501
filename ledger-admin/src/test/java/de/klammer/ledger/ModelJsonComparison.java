package de.klammer.ledger;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import de.klammer.ledger.PolicyRule.ImplicitMeta;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;

/**
 * Checks every element of a decoded {@link ChannelConfig} against the same path in configtxlator's JSON of the
 * same block.
 */
final class ModelJsonComparison {

    private static final String CONFIG = "$.data.data[0].payload.data.config";

    private ModelJsonComparison() {}

    static void assertMatches(ChannelConfig model, String blockJson) {
        DocumentContext json = JsonPath.parse(blockJson);
        SoftAssertions softly = new SoftAssertions();

        softly.assertThat(model.sequence()).as("sequence").isEqualTo(asLong(json.read(CONFIG + ".sequence")));
        softly.assertThat(model.blockNumber()).as("block number").isEqualTo(asLong(json.read("$.header.number")));
        softly.assertThat(model.channelId()).as("channel id")
                .isEqualTo(json.read("$.data.data[0].payload.header.channel_header.channel_id"));

        for (Organization organization : model.organizations()) {
            String group = groupPath(organization.path());
            String msp = group + ".values.MSP.value.config";
            softly.assertThat(organization.mspId()).as(organization.path() + " MSP ID").isEqualTo(json.read(msp + ".name"));
            if (organization.msp().type().equals("IDEMIX")) {
                softly.assertThat((Integer) json.read(group + ".values.MSP.value.type")).as(organization.path() + " type")
                        .isEqualTo(1);
                continue;
            }
            List<Object> roots = list(json, msp + ".root_certs");
            softly.assertThat(organization.msp().rootCerts()).as(organization.path() + " root certs").hasSize(roots.size());
            List<Object> admins = list(json, msp + ".admins");
            softly.assertThat(organization.msp().admins()).as(organization.path() + " admins").hasSize(admins.size());
            List<Object> crls = list(json, msp + ".revocation_list");
            softly.assertThat(organization.msp().crlCount()).as(organization.path() + " CRLs").isEqualTo(crls.size());
            Map<String, Object> nodeOus = json.read(msp);
            if (nodeOus.get("fabric_node_ous") instanceof Map<?, ?> ous && Boolean.TRUE.equals(ous.get("enable"))) {
                softly.assertThat(organization.msp().nodeOus().enabled()).as(organization.path() + " NodeOUs").isTrue();
                softly.assertThat(organization.msp().nodeOus().adminOu()).as(organization.path() + " admin OU")
                        .isEqualTo(optional(json, msp + ".fabric_node_ous.admin_ou_identifier.organizational_unit_identifier"));
                softly.assertThat(organization.msp().nodeOus().clientOu()).as(organization.path() + " client OU")
                        .isEqualTo(optional(json, msp + ".fabric_node_ous.client_ou_identifier.organizational_unit_identifier"));
            } else {
                softly.assertThat(organization.msp().nodeOus().enabled()).as(organization.path() + " NodeOUs").isFalse();
            }
        }

        for (PolicyEntry policy : model.policies()) {
            String parent = policy.path().substring(0, policy.path().lastIndexOf('/'));
            String name = policy.path().substring(policy.path().lastIndexOf('/') + 1);
            String path = groupPath(parent) + ".policies['" + name + "']";
            softly.assertThat(policy.modPolicy()).as(policy.path() + " mod_policy").isEqualTo(json.read(path + ".mod_policy"));
            softly.assertThat(policy.version()).as(policy.path() + " version").isEqualTo(asLong(json.read(path + ".version")));
            switch (policy.rule()) {
                case ImplicitMeta meta -> {
                    softly.assertThat(meta.threshold().name()).as(policy.path() + " rule")
                            .isEqualTo(json.read(path + ".policy.value.rule"));
                    softly.assertThat(meta.subPolicy()).as(policy.path() + " sub-policy")
                            .isEqualTo(json.read(path + ".policy.value.sub_policy"));
                }
                case PolicyRule.Signature signature -> {
                    List<Map<String, Object>> identities = json.read(path + ".policy.value.identities");
                    List<String> expected = new ArrayList<>();
                    for (Map<String, Object> identity : identities) {
                        if ("ROLE".equals(identity.get("principal_classification"))) {
                            Map<?, ?> principal = (Map<?, ?>) identity.get("principal");
                            expected.add(principal.get("msp_identifier") + "." + principal.get("role").toString().toLowerCase());
                        }
                    }
                    List<String> actual = signature.principals().stream()
                            .filter(p -> p instanceof PolicyRule.RolePrincipal)
                            .map(PolicyRule.Principal::text)
                            .toList();
                    softly.assertThat(actual).as(policy.path() + " principals").isEqualTo(expected);
                    Object n = json.read(path + ".policy.value.rule.n_out_of.n");
                    if (signature.rule() instanceof PolicyRule.NOutOf nOutOf) {
                        softly.assertThat((long) nOutOf.n()).as(policy.path() + " n").isEqualTo(asLong(n));
                    }
                }
            }
        }

        Map<String, Object> root = json.read(CONFIG + ".channel_group");
        softly.assertThat(model.capabilities().channel()).as("channel capabilities")
                .containsExactlyInAnyOrderElementsOf(capabilityNames(root));
        if (!model.consenters().isEmpty()) {
            List<Map<String, Object>> consenters =
                    json.read(CONFIG + ".channel_group.groups.Orderer.values.ConsensusType.value.metadata.consenters");
            softly.assertThat(model.consenters()).as("consenters").hasSize(consenters.size());
            for (int i = 0; i < consenters.size(); i++) {
                softly.assertThat(model.consenters().get(i).host()).isEqualTo(consenters.get(i).get("host"));
                softly.assertThat((long) model.consenters().get(i).port()).isEqualTo(asLong(consenters.get(i).get("port")));
            }
        }
        int[] counts = countPoliciesAndMsps(root);
        softly.assertThat(model.policies()).as("every policy of the JSON decoded").hasSize(counts[0]);
        softly.assertThat(model.organizations()).as("every MSP of the JSON decoded").hasSize(counts[1]);
        softly.assertAll();
    }

    /** Counts policies and MSP values in a JSON config group tree. */
    @SuppressWarnings("unchecked")
    private static int[] countPoliciesAndMsps(Map<String, Object> group) {
        int[] counts = new int[2];
        Object policies = group.get("policies");
        counts[0] = policies instanceof Map<?, ?> map ? map.size() : 0;
        Object values = group.get("values");
        counts[1] = values instanceof Map<?, ?> map && map.containsKey("MSP") ? 1 : 0;
        Object groups = group.get("groups");
        if (groups instanceof Map<?, ?> children) {
            for (Object child : children.values()) {
                int[] childCounts = countPoliciesAndMsps((Map<String, Object>) child);
                counts[0] += childCounts[0];
                counts[1] += childCounts[1];
            }
        }
        return counts;
    }

    /** Reads a value that may be left out, as {@code null}. */
    private static Object optional(DocumentContext json, String path) {
        try {
            return json.read(path);
        } catch (com.jayway.jsonpath.PathNotFoundException e) {
            return null;
        }
    }

    /** Reads a list; configtxlator and hand-written JSON leave out empty lists. */
    private static List<Object> list(DocumentContext json, String path) {
        try {
            List<Object> value = json.read(path);
            return value == null ? List.of() : value;
        } catch (com.jayway.jsonpath.PathNotFoundException e) {
            return List.of();
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> capabilityNames(Map<String, Object> group) {
        Map<String, Object> values = (Map<String, Object>) group.get("values");
        if (values == null || !values.containsKey("Capabilities")) {
            return List.of();
        }
        Map<String, Object> value = (Map<String, Object>) ((Map<String, Object>) values.get("Capabilities")).get("value");
        return new ArrayList<>(((Map<String, Object>) value.get("capabilities")).keySet());
    }

    /** Converts {@code /Channel/Application/BamfMSP} to the JSON path of that group. */
    private static String groupPath(String path) {
        StringBuilder result = new StringBuilder(CONFIG + ".channel_group");
        String[] segments = path.split("/");
        for (int i = 2; i < segments.length; i++) {
            result.append(".groups['").append(segments[i]).append("']");
        }
        return result.toString();
    }

    private static long asLong(Object value) {
        return value == null ? 0 : Long.parseLong(value.toString());
    }
}
