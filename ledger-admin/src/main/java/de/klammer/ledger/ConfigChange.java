package de.klammer.ledger;

import java.util.Objects;

/** A typed change to a channel configuration. */
public sealed interface ConfigChange {

    /** Returns the change in plain words. */
    String describe();

    /**
     * Sets the policy at an absolute path, for example {@code /Channel/Application/Endorsement}, to a new rule. An
     * existing policy keeps its mod_policy; a new one gets {@code Admins}.
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
}
