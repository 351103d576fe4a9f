package co.interakt.capture.config;

import static co.interakt.capture.config.ConfigKeys.CONFIG_FILE;
import static co.interakt.capture.config.ConfigKeys.PREFIX;
import static co.interakt.capture.config.ConfigKeys.RULES;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;

/**
 * Builds a {@link CaptureConfig} from, in increasing precedence: built-in defaults &lt; a properties
 * file &lt; {@code INTERAKT_*} environment variables &lt; {@code interakt.*} system properties &lt;
 * explicit overrides (agent arguments, filter init-params). Every source uses the same keys; the
 * environment name of {@code interakt.rule.signup.paths} is {@code INTERAKT_RULE_SIGNUP_PATHS}.
 *
 * <p>Sources are injectable so tests never touch the real environment; a source not given is empty.
 * An unknown {@code interakt.*} key in the file or the overrides stops start-up (it is a typo in
 * something written for us); in system properties or the environment it is only logged, as those
 * are shared with everything else in the JVM.
 */
public final class ConfigLoader {
    private static final System.Logger LOG = System.getLogger(ConfigLoader.class.getName());
    private static final String ENV_PREFIX = "INTERAKT_";
    /** Filter init-params may name the file without the prefix. */
    private static final String CONFIG_FILE_ALIAS = "config-file";

    private Map<String, String> environment = Map.of();
    private Map<String, String> systemProperties = Map.of();
    private Path file;
    private Map<String, String> overrides = Map.of();
    /** Where each override was set, for messages; null = agent arguments / filter init-params. */
    private Function<String, String> overrideOrigin;

    /** Loads from the real environment and system properties plus the given overrides. */
    public static CaptureConfig load(Map<String, String> overrides) {
        return new ConfigLoader()
                .environment(System.getenv())
                .systemProperties(System.getProperties())
                .overrides(overrides)
                .load();
    }

    public ConfigLoader environment(Map<String, String> env) {
        this.environment = new HashMap<>(env);
        return this;
    }

    public ConfigLoader systemProperties(Properties props) {
        Map<String, String> copy = new HashMap<>();
        for (String name : props.stringPropertyNames()) {
            if (name.startsWith(PREFIX)) {
                copy.put(name, props.getProperty(name));
            }
        }
        this.systemProperties = copy;
        return this;
    }

    /** A properties file; when not called, {@code interakt.config-file} from any source names one. */
    public ConfigLoader file(Path path) {
        this.file = path;
        return this;
    }

    /** Explicit settings (agent arguments, filter init-params), keyed like the properties file. */
    public ConfigLoader overrides(Map<String, String> overrides) {
        this.overrides = new LinkedHashMap<>(overrides == null ? Map.of() : overrides);
        return this;
    }

    /**
     * Explicit settings from a host framework's own configuration (e.g. Spring's {@code Environment}),
     * with where each key was set, so an error message points at the line to fix.
     */
    public ConfigLoader overrides(Map<String, String> overrides, Function<String, String> originOfKey) {
        overrides(overrides);
        this.overrideOrigin = originOfKey;
        return this;
    }

    /** Merges, validates and returns; throws {@link ConfigException} naming the key and the fix. */
    public CaptureConfig load() {
        LayeredSettings settings = new LayeredSettings(overrideOrigin);
        settings.put(Source.OVERRIDE, interaktKeys(overrides, Source.OVERRIDE, true));
        settings.put(Source.SYSTEM_PROPERTY, systemProperties);
        // The file and the rule list may themselves come from the environment: read the global keys first.
        settings.put(Source.ENVIRONMENT, fromEnvironment(new KnownKeys(List.of())));
        Path configFile = file != null ? file : configFileNamedBy(settings.get(CONFIG_FILE));
        if (configFile != null) {
            settings.putFile(configFile, interaktKeys(read(configFile), Source.FILE, false));
        }
        List<String> rules = RuleBinder.ruleNames(settings.get(RULES));
        KnownKeys known = new KnownKeys(rules);
        settings.put(Source.ENVIRONMENT, fromEnvironment(known));

        rejectUnknown(settings.layer(Source.FILE), known, "file " + configFile);
        for (String key : settings.layer(Source.OVERRIDE).keySet()) {
            if (!known.keys().contains(key)) {
                throw known.unknown(key, settings.origin(Source.OVERRIDE, key));
            }
        }
        warnUnknownSystemProperties(known);
        warnUnknownEnvironment(known);
        return ConfigBinder.bind(settings, rules);
    }

    /** The env value of every known key, looked up by its env name (never by guessing keys from env names). */
    private Map<String, String> fromEnvironment(KnownKeys known) {
        Map<String, String> values = new HashMap<>();
        known.byEnvName().forEach((envName, key) -> {
            String value = environment.get(envName);
            if (value != null) {
                values.put(key, value);
            }
        });
        return values;
    }

    /** {@code INTERAKT_RULE_<something>_PATHS} and the like: right shape, but for no listed rule. */
    private static boolean looksLikeRuleKey(String envName) {
        for (ConfigKey template : ConfigKeys.PER_RULE) {
            String[] around = template.envName().split(ConfigKey.envName(ConfigKey.RULE_PLACEHOLDER), 2);
            if (envName.length() > around[0].length() + around[1].length()
                    && envName.startsWith(around[0]) && envName.endsWith(around[1])) {
                return true;
            }
        }
        return false;
    }

    /**
     * Keeps the {@code interakt.*} keys of a file or the overrides. A key that is only missing its
     * prefix (e.g. {@code app-id}) is a mistake worth stopping for; anything else belongs to someone
     * else (a shared application.properties) and is skipped.
     */
    private static Map<String, String> interaktKeys(Map<String, String> raw, Source source, boolean configFileAlias) {
        Map<String, String> kept = new LinkedHashMap<>();
        KnownKeys globals = new KnownKeys(List.of());
        raw.forEach((rawKey, value) -> {
            String key = rawKey.trim();
            if (configFileAlias && key.equals(CONFIG_FILE_ALIAS)) {
                kept.put(CONFIG_FILE.name(), value);
            } else if (key.startsWith(PREFIX)) {
                kept.put(key, value);
            } else if (globals.keys().contains(PREFIX + key) || key.startsWith("rule.")) {
                throw new ConfigException(key, "missing the '" + PREFIX + "' prefix (" + source.describe(key, null) + ")",
                        "write it as " + PREFIX + key);
            } else {
                LOG.log(System.Logger.Level.DEBUG, "Ignoring non-Interakt key {0} ({1})", key, source);
            }
        });
        return kept;
    }

    private static Path configFileNamedBy(Setting setting) {
        String value = ValueParser.optional(setting);
        if (value == null) {
            return null;
        }
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw setting.error(setting.shown() + " is not a file path", "give the path of a .properties file");
        }
    }

    private static Map<String, String> read(Path path) {
        String key = CONFIG_FILE.name();
        Properties props = new Properties();
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            props.load(reader);
        } catch (NoSuchFileException e) {
            throw new ConfigException(key, "file not found: " + path.toAbsolutePath(),
                    "create it, correct the path, or remove " + key);
        } catch (IOException | IllegalArgumentException e) {
            // The exception text is not copied: it could quote a line of the file, secrets included.
            throw new ConfigException(key, "cannot read " + path.toAbsolutePath() + " as a UTF-8 properties file ("
                    + e.getClass().getSimpleName() + ")", "check that it is a readable, well-formed .properties file");
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String name : props.stringPropertyNames()) {
            values.put(name, props.getProperty(name));
        }
        return values;
    }

    private static void rejectUnknown(Map<String, String> layer, KnownKeys known, String origin) {
        for (String key : layer.keySet()) {
            if (!known.keys().contains(key)) {
                throw known.unknown(key, origin);
            }
        }
    }

    private void warnUnknownSystemProperties(KnownKeys known) {
        for (String key : systemProperties.keySet()) {
            if (!known.keys().contains(key)) {
                LOG.log(System.Logger.Level.WARNING, "Ignoring system property: {0}",
                        known.unknown(key, Source.SYSTEM_PROPERTY.describe(key, null)).getMessage());
            }
        }
    }

    private void warnUnknownEnvironment(KnownKeys known) {
        Map<String, String> byEnvName = known.byEnvName();
        for (String name : environment.keySet()) {
            if (!name.startsWith(ENV_PREFIX) || byEnvName.containsKey(name)) {
                continue;
            }
            if (looksLikeRuleKey(name)) {
                LOG.log(System.Logger.Level.WARNING, "Ignoring environment variable {0}: its rule is not listed in "
                        + "{1} ({2}); add the rule name there", name, RULES.name(), RULES.envName());
            } else {
                LOG.log(System.Logger.Level.WARNING, "Ignoring environment variable {0}: not a known key ({1})",
                        name, ClosestKey.fix(name, byEnvName.keySet()));
            }
        }
    }
}
