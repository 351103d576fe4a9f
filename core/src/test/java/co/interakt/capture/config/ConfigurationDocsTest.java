package co.interakt.capture.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The key table of docs/configuration.md and {@link ConfigKeys} say the same thing, row for row. */
class ConfigurationDocsTest {
    private static List<String> section;

    @BeforeAll
    static void readConfigurationPage() throws IOException {
        // Maven runs tests in the module directory (core/); an IDE may run them from the repository root.
        Path page = Path.of("..", "docs", "configuration.md");
        section = Files.readAllLines(Files.exists(page) ? page : Path.of("docs", "configuration.md"), StandardCharsets.UTF_8);
    }

    static List<ConfigKey> keys() {
        return ConfigKeys.all();
    }

    /** The docs/configuration.md row for a key; paste it from a failure message after changing {@link ConfigKeys}. */
    static String row(ConfigKey key) {
        return "| `" + key.name() + "` | `" + key.envName() + "` | " + key.documentedDefault() + " | "
                + key.description() + " |";
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("keys")
    void everyKeyHasItsRow(ConfigKey key) {
        String prefix = "| `" + key.name() + "` |";
        String found = section.stream().filter(l -> l.startsWith(prefix)).findFirst().orElse("(no row)");
        assertEquals(row(key), found, "docs/configuration.md row for " + key.name());
    }

    @Test
    void theTableDocumentsNoKeyThatDoesNotExist() {
        Set<String> known = keys().stream().map(ConfigKey::name).collect(Collectors.toSet());
        List<String> stale = section.stream()
                .filter(l -> l.startsWith("| `interakt."))
                .map(l -> l.substring(3, l.indexOf('`', 3)))
                .filter(name -> !known.contains(name))
                .toList();
        assertEquals(List.of(), stale, "docs/configuration.md documents keys ConfigKeys does not know");
    }

    @Test
    void everyEnvNameFollowsTheRule() {
        assertEquals("INTERAKT_RULE_SIGNUP_PATHS", ConfigKey.envName("interakt.rule.signup.paths"));
        assertEquals("INTERAKT_RETRY_MAX_ATTEMPTS", ConfigKey.envName("interakt.retry.max-attempts"));
        assertEquals("INTERAKT_RULE_<NAME>_EMAIL_FIELDS", ConfigKeys.RULE_EMAIL_FIELDS.envName());
    }
}
