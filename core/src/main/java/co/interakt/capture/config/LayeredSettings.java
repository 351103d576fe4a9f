package co.interakt.capture.config;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/** The values of every source, keyed by full {@code interakt.*} key; the highest-precedence one wins. */
final class LayeredSettings {
    private static final Source[] HIGHEST_FIRST = {
        Source.OVERRIDE, Source.SYSTEM_PROPERTY, Source.ENVIRONMENT, Source.FILE};

    private final Map<Source, Map<String, String>> layers = new EnumMap<>(Source.class);
    private Path file;
    private final Function<String, String> overrideOrigin;

    LayeredSettings() {
        this(null);
    }

    /** @param overrideOrigin where each override key was set, or null for the default wording */
    LayeredSettings(Function<String, String> overrideOrigin) {
        this.overrideOrigin = overrideOrigin;
    }

    void put(Source source, Map<String, String> values) {
        layers.put(source, new HashMap<>(values));
    }

    void putFile(Path path, Map<String, String> values) {
        this.file = path;
        put(Source.FILE, values);
    }

    Map<String, String> layer(Source source) {
        return layers.getOrDefault(source, Map.of());
    }

    /** Words for where {@code key} was set in {@code source}. */
    String origin(Source source, String key) {
        if (source == Source.OVERRIDE && overrideOrigin != null) {
            String origin = overrideOrigin.apply(key);
            if (origin != null) {
                return origin;
            }
        }
        return source.describe(key, file);
    }

    /** A global key's value. */
    Setting get(ConfigKey key) {
        return resolve(key.name(), key.defaultValue(), key.secret());
    }

    /** A per-rule key's value for one rule. */
    Setting get(ConfigKey template, String rule) {
        return resolve(template.forRule(rule), ConfigKeys.defaultFor(template, rule), template.secret());
    }

    private Setting resolve(String key, String defaultValue, boolean secret) {
        for (Source source : HIGHEST_FIRST) {
            String value = layer(source).get(key);
            if (value != null) {
                return new Setting(key, value.trim(), source, origin(source, key), secret);
            }
        }
        return new Setting(key, defaultValue, Source.DEFAULT, Source.DEFAULT.describe(key, null), secret);
    }
}
