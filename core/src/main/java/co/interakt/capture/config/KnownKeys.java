package co.interakt.capture.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The concrete keys that exist for a list of rules, and what is wrong with a key that does not. */
final class KnownKeys {
    private final List<String> rules;
    private final Set<String> keys = new LinkedHashSet<>();

    KnownKeys(List<String> rules) {
        this.rules = rules;
        ConfigKeys.GLOBAL.forEach(k -> keys.add(k.name()));
        rules.forEach(rule -> ConfigKeys.PER_RULE.forEach(t -> keys.add(t.forRule(rule))));
    }

    Set<String> keys() {
        return keys;
    }

    /** Each known key by its environment variable name. */
    Map<String, String> byEnvName() {
        Map<String, String> byEnv = new LinkedHashMap<>();
        keys.forEach(k -> byEnv.put(ConfigKey.envName(k), k));
        return byEnv;
    }

    /** Why {@code key} (from {@code origin}, an {@code interakt.*} key not in {@link #keys()}) is not accepted, with a suggestion. */
    ConfigException unknown(String key, String origin) {
        String rule = ruleNameOf(key);
        if (rule != null && !rules.contains(rule)) {
            List<String> listed = new ArrayList<>(rules);
            listed.add(rule);
            return new ConfigException(key,
                    "rule '" + rule + "' is not listed in " + ConfigKeys.RULES.name() + " (" + origin + ")",
                    "add it, e.g. " + ConfigKeys.RULES.name() + "=" + String.join(",", listed)
                            + ", or remove this key");
        }
        return new ConfigException(key, "unknown configuration key (" + origin + ")", ClosestKey.fix(key, keys));
    }

    /** The rule named by a well-formed per-rule key {@code interakt.rule.<name>.<known suffix>}, else null. */
    private static String ruleNameOf(String key) {
        if (!key.startsWith(ConfigKeys.RULE_PREFIX)) {
            return null;
        }
        int dot = key.indexOf('.', ConfigKeys.RULE_PREFIX.length());
        if (dot < 0) {
            return null;
        }
        String rule = key.substring(ConfigKeys.RULE_PREFIX.length(), dot);
        for (ConfigKey template : ConfigKeys.PER_RULE) {
            if (template.forRule(rule).equals(key)) {
                return rule;
            }
        }
        return null;
    }
}
