package co.interakt.capture.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** defaults &lt; file &lt; INTERAKT_* env &lt; interakt.* system properties &lt; overrides, one layer at a time. */
class ConfigLoaderPrecedenceTest {

    @TempDir
    static Path dir;

    /**
     * @param key      the key, set in up to four layers
     * @param values   its value in file, env, system property, override (lowest first)
     * @param read     what the loaded config makes of it
     * @param expected the result with 0, 1, 2, 3, 4 of those layers set (built-in default first)
     */
    record Layers(String key, List<String> values, Function<CaptureConfig, Object> read, List<Object> expected) {
        @Override
        public String toString() {
            return key;
        }
    }

    static Stream<Layers> keys() {
        return Stream.of(
                new Layers("interakt.max-body-bytes", List.of("1000", "2KiB", "3000", "4000"),
                        CaptureConfig::maxBodyBytes, List.of(65536, 1000, 2048, 3000, 4000)),
                new Layers("interakt.base-url",
                        List.of("https://file.example/api", "https://env.example/api",
                                "https://sys.example/api", "http://localhost:9/api"),
                        c -> c.delivery().baseUrl().toString(),
                        List.of("https://app.interakt.co/api/v1", "https://file.example/api",
                                "https://env.example/api", "https://sys.example/api", "http://localhost:9/api")),
                new Layers("interakt.api-key", List.of("k-file", "k-env", "k-sys", "k-override"),
                        c -> String.valueOf(c.delivery().apiKey() == null ? null : c.delivery().apiKey().reveal()),
                        List.of("null", "k-file", "k-env", "k-sys", "k-override")),
                new Layers("interakt.timeout.connect", List.of("1s", "1500", "3s", "1m"),
                        c -> c.delivery().connectTimeout(),
                        List.of(Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofMillis(1500),
                                Duration.ofSeconds(3), Duration.ofMinutes(1))),
                new Layers("interakt.rule.signup.paths", List.of("/f", "/e/*", "/s/**", "/o"),
                        c -> c.rules().get(0).paths().toString(),
                        List.of("[" + ConfigKeys.DEFAULT_RULE_PATHS.replace(",", ", ") + "]",
                                "[/f]", "[/e/*]", "[/s/**]", "[/o]")),
                new Layers("interakt.rule.signup.target", List.of("leads", "members", "leads", "members"),
                        c -> c.rules().get(0).target(),
                        List.of(Target.MEMBERS, Target.LEADS, Target.MEMBERS, Target.LEADS, Target.MEMBERS)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("keys")
    void eachLayerBeatsTheOnesBelow(Layers layers) throws IOException {
        for (int set = 0; set <= 4; set++) {
            ConfigLoader loader = loaderWith(layers.key(), layers.values().subList(0, set));
            assertEquals(layers.expected().get(set), layers.read().apply(loader.load()),
                    layers.key() + " with " + set + " layer(s) set");
        }
    }

    @ParameterizedTest(name = "only {0}")
    @MethodSource("singleLayers")
    void anySingleLayerBeatsTheDefault(String layer, ConfigLoader loader) {
        assertEquals(4096, loader.load().maxBodyBytes());
    }

    static Stream<Arguments> singleLayers() throws IOException {
        String key = "interakt.max-body-bytes";
        return Stream.of(
                Arguments.of("file", new ConfigLoader().file(write(Map.of(key, "4096")))),
                Arguments.of("env", new ConfigLoader().environment(Map.of("INTERAKT_MAX_BODY_BYTES", "4096"))),
                Arguments.of("sysprop", new ConfigLoader().systemProperties(props(Map.of(key, "4096")))),
                Arguments.of("override", new ConfigLoader().overrides(Map.of(key, "4KiB"))));
    }

    @Test
    void rulesAndTheirKeysCanComeFromTheEnvironmentAlone() {
        CaptureConfig config = new ConfigLoader().environment(Map.of(
                "INTERAKT_RULES", "signup,news-letter",
                "INTERAKT_RULE_NEWS_LETTER_PATHS", "/newsletter",
                "INTERAKT_RULE_NEWS_LETTER_TARGET", "leads",
                "INTERAKT_RULE_SIGNUP_METHODS", "PUT",
                "PATH", "/usr/bin")).load();
        assertEquals(Target.LEADS, config.ruleFor("POST", "/newsletter").target());
        assertEquals("signup", config.ruleFor("PUT", "/signup").name());
    }

    @Test
    void rulesListedInTheFileReadTheirKeysFromTheEnvironment() throws IOException {
        Path file = write(Map.of("interakt.rules", "signup,trial", "interakt.rule.trial.paths", "/from-file"));
        CaptureConfig config = new ConfigLoader().file(file)
                .environment(Map.of("INTERAKT_RULE_TRIAL_PATHS", "/from-env")).load();
        assertEquals("[/from-env]", config.rules().get(1).paths().toString());
    }

    @ParameterizedTest(name = "config file named by {0}")
    @MethodSource("configFileNamers")
    void theFileIsNamedByAnySource(String how, Function<Path, ConfigLoader> namer) throws IOException {
        Path file = write(Map.of("interakt.app-id", "from-file", "spring.datasource.url", "jdbc:x"));
        assertEquals("from-file", namer.apply(file).load().delivery().appId());
    }

    static Stream<Arguments> configFileNamers() {
        return Stream.of(
                Arguments.of("ConfigLoader.file", (Function<Path, ConfigLoader>) f -> new ConfigLoader().file(f)),
                Arguments.of("INTERAKT_CONFIG_FILE", (Function<Path, ConfigLoader>) f -> new ConfigLoader()
                        .environment(Map.of("INTERAKT_CONFIG_FILE", f.toString()))),
                Arguments.of("-Dinterakt.config-file", (Function<Path, ConfigLoader>) f -> new ConfigLoader()
                        .systemProperties(props(Map.of("interakt.config-file", f.toString())))),
                Arguments.of("override interakt.config-file", (Function<Path, ConfigLoader>) f -> new ConfigLoader()
                        .overrides(Map.of("interakt.config-file", f.toString()))),
                Arguments.of("init-param config-file", (Function<Path, ConfigLoader>) f -> new ConfigLoader()
                        .overrides(Map.of("config-file", f.toString()))),
                Arguments.of("agent argument config", (Function<Path, ConfigLoader>) f -> new ConfigLoader()
                        .overrides(AgentArguments.parse("config=" + f))));
    }

    @Test
    void aNamedFileThatDoesNotExistStopsStartUp() {
        ConfigException e = assertThrows(ConfigException.class, () -> new ConfigLoader()
                .environment(Map.of("INTERAKT_CONFIG_FILE", dir.resolve("missing.properties").toString())).load());
        assertEquals("interakt.config-file", e.key());
    }

    @Test
    void unknownKeysInSystemPropertiesAndEnvironmentOnlyWarn() {
        CaptureConfig config = new ConfigLoader()
                .systemProperties(props(Map.of("interakt.app_id", "x", "java.home", "/jdk")))
                .environment(Map.of("INTERAKT_APPID", "x", "INTERAKT_RULE_OTHER_PATHS", "/x", "HOME", "/root"))
                .load();
        assertEquals(null, config.delivery().appId());
    }

    private static ConfigLoader loaderWith(String key, List<String> values) throws IOException {
        ConfigLoader loader = new ConfigLoader();
        if (values.size() > 0) {
            loader.file(write(Map.of(key, values.get(0))));
        }
        if (values.size() > 1) {
            loader.environment(Map.of(ConfigKey.envName(key), values.get(1)));
        }
        if (values.size() > 2) {
            loader.systemProperties(props(Map.of(key, values.get(2))));
        }
        if (values.size() > 3) {
            loader.overrides(Map.of(key, values.get(3)));
        }
        return loader;
    }

    private static Path write(Map<String, String> entries) throws IOException {
        Path file = Files.createTempFile(dir, "interakt", ".properties");
        Properties props = props(entries);
        try (var out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            props.store(out, null);
        }
        return file;
    }

    private static Properties props(Map<String, String> entries) {
        Properties props = new Properties();
        props.putAll(new HashMap<>(entries));
        return props;
    }
}
