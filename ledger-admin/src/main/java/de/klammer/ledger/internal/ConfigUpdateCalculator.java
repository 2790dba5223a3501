package de.klammer.ledger.internal;

import java.util.Map;
import java.util.Objects;
import org.hyperledger.fabric.protos.common.Configtx.Config;
import org.hyperledger.fabric.protos.common.Configtx.ConfigGroup;
import org.hyperledger.fabric.protos.common.Configtx.ConfigPolicy;
import org.hyperledger.fabric.protos.common.Configtx.ConfigUpdate;
import org.hyperledger.fabric.protos.common.Configtx.ConfigValue;

/**
 * Computes a {@code ConfigUpdate} from an original and an updated config with the read-set and write-set rules of
 * {@code configtxlator compute_update}: unchanged elements appear only as versions, modified leaves only in the
 * write set at version + 1, and a group whose membership or mod_policy changes is bumped and lists all its
 * surviving members. Unchanged elements keep their original bytes, so they never demand extra signatures.
 */
public final class ConfigUpdateCalculator {

    private ConfigUpdateCalculator() {}

    /** Thrown when original and updated config are equal. */
    public static final class NoDifferenceException extends IllegalArgumentException {
        NoDifferenceException() {
            super("No differences between the current and the desired config: the change would have no effect");
        }
    }

    /** Computes the update; throws {@link NoDifferenceException} when nothing changed. */
    public static ConfigUpdate compute(String channelId, Config original, Config updated) {
        Result result = computeGroup(original.getChannelGroup(), updated.getChannelGroup());
        if (!result.changed()) {
            throw new NoDifferenceException();
        }
        return ConfigUpdate.newBuilder()
                .setChannelId(channelId)
                .setReadSet(result.read())
                .setWriteSet(result.write())
                .build();
    }

    private record Result(ConfigGroup read, ConfigGroup write, boolean changed) {}

    private static Result computeGroup(ConfigGroup original, ConfigGroup updated) {
        ConfigGroup.Builder readSet = ConfigGroup.newBuilder();
        ConfigGroup.Builder writeSet = ConfigGroup.newBuilder();
        ConfigGroup.Builder same = ConfigGroup.newBuilder();
        boolean membersChanged = false;

        for (Map.Entry<String, ConfigPolicy> entry : original.getPoliciesMap().entrySet()) {
            ConfigPolicy desired = updated.getPoliciesMap().get(entry.getKey());
            if (desired == null) {
                membersChanged = true;
            } else if (samePolicy(entry.getValue(), desired)) {
                same.putPolicies(entry.getKey(), ConfigPolicy.newBuilder().setVersion(entry.getValue().getVersion()).build());
            } else {
                writeSet.putPolicies(entry.getKey(), desired.toBuilder().setVersion(entry.getValue().getVersion() + 1).build());
            }
        }
        for (Map.Entry<String, ConfigPolicy> entry : updated.getPoliciesMap().entrySet()) {
            if (!original.getPoliciesMap().containsKey(entry.getKey())) {
                membersChanged = true;
                writeSet.putPolicies(entry.getKey(), entry.getValue().toBuilder().setVersion(0).build());
            }
        }

        for (Map.Entry<String, ConfigValue> entry : original.getValuesMap().entrySet()) {
            ConfigValue desired = updated.getValuesMap().get(entry.getKey());
            if (desired == null) {
                membersChanged = true;
            } else if (sameValue(entry.getValue(), desired)) {
                same.putValues(entry.getKey(), ConfigValue.newBuilder().setVersion(entry.getValue().getVersion()).build());
            } else {
                writeSet.putValues(entry.getKey(), desired.toBuilder().setVersion(entry.getValue().getVersion() + 1).build());
            }
        }
        for (Map.Entry<String, ConfigValue> entry : updated.getValuesMap().entrySet()) {
            if (!original.getValuesMap().containsKey(entry.getKey())) {
                membersChanged = true;
                writeSet.putValues(entry.getKey(), entry.getValue().toBuilder().setVersion(0).build());
            }
        }

        for (Map.Entry<String, ConfigGroup> entry : original.getGroupsMap().entrySet()) {
            ConfigGroup desired = updated.getGroupsMap().get(entry.getKey());
            if (desired == null) {
                membersChanged = true;
                continue;
            }
            Result child = computeGroup(entry.getValue(), desired);
            if (!child.changed()) {
                same.putGroups(entry.getKey(), child.read());
            } else {
                readSet.putGroups(entry.getKey(), child.read());
                writeSet.putGroups(entry.getKey(), child.write());
            }
        }
        for (Map.Entry<String, ConfigGroup> entry : updated.getGroupsMap().entrySet()) {
            if (!original.getGroupsMap().containsKey(entry.getKey())) {
                membersChanged = true;
                writeSet.putGroups(entry.getKey(), atVersionZero(entry.getValue()));
            }
        }

        boolean writeSetEmpty = writeSet.getPoliciesCount() == 0
                && writeSet.getValuesCount() == 0
                && writeSet.getGroupsCount() == 0;
        if (!membersChanged && Objects.equals(original.getModPolicy(), updated.getModPolicy())) {
            if (writeSetEmpty) {
                ConfigGroup versionOnly = ConfigGroup.newBuilder().setVersion(original.getVersion()).build();
                return new Result(versionOnly, versionOnly, false);
            }
            return new Result(
                    readSet.setVersion(original.getVersion()).build(),
                    writeSet.setVersion(original.getVersion()).build(),
                    true);
        }

        // The group itself changes: every surviving member is listed in both sets so the rebuilt group keeps it.
        readSet.putAllPolicies(same.getPoliciesMap()).putAllValues(same.getValuesMap()).putAllGroups(same.getGroupsMap());
        writeSet.putAllPolicies(same.getPoliciesMap()).putAllValues(same.getValuesMap()).putAllGroups(same.getGroupsMap());
        return new Result(
                readSet.setVersion(original.getVersion()).build(),
                writeSet.setVersion(original.getVersion() + 1).setModPolicy(updated.getModPolicy()).build(),
                true);
    }

    private static ConfigGroup atVersionZero(ConfigGroup group) {
        ConfigGroup.Builder builder = group.toBuilder().setVersion(0);
        group.getPoliciesMap().forEach((k, v) -> builder.putPolicies(k, v.toBuilder().setVersion(0).build()));
        group.getValuesMap().forEach((k, v) -> builder.putValues(k, v.toBuilder().setVersion(0).build()));
        group.getGroupsMap().forEach((k, v) -> builder.putGroups(k, atVersionZero(v)));
        return builder.build();
    }

    private static boolean samePolicy(ConfigPolicy original, ConfigPolicy updated) {
        return original.getModPolicy().equals(updated.getModPolicy())
                && original.getPolicy().getType() == updated.getPolicy().getType()
                && original.getPolicy().getValue().equals(updated.getPolicy().getValue());
    }

    private static boolean sameValue(ConfigValue original, ConfigValue updated) {
        return original.getModPolicy().equals(updated.getModPolicy()) && original.getValue().equals(updated.getValue());
    }
}
