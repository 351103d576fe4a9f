package co.interakt.capture.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

/** README's configuration table and {@link ConfigKeys} say the same thing, row for row. */
class ReadmeDocumentsEveryKeyTest {
    private static List<String> section;

    @BeforeAll
    static void readConfigurationSection() throws IOException {
        // Maven runs tests in the module directory (core/); an IDE may run them from the repository root.
        Path readme = Files.exists(Path.of("..", "README.md")) ? Path.of("..", "README.md") : Path.of("README.md");
        List<String> lines = Files.readAllLines(readme, StandardCharsets.UTF_8);
        int start = lines.indexOf("## Configuration");
        assertTrue(start >= 0, "README.md has no '## Configuration' section");
        int end = start + 1;
        while (end < lines.size() && !lines.get(end).startsWith("## ")) {
            end++;
        }
        section = lines.subList(start, end);
    }

    static List<ConfigKey> keys() {
        return ConfigKeys.all();
    }

    /** The README row for a key; paste it from a failure message after changing {@link ConfigKeys}. */
    static String row(ConfigKey key) {
        return "| `" + key.name() + "` | `" + key.envName() + "` | " + key.documentedDefault() + " | "
                + key.description() + " |";
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("keys")
    void everyKeyHasItsRow(ConfigKey key) {
        String prefix = "| `" + key.name() + "` |";
        String found = section.stream().filter(l -> l.startsWith(prefix)).findFirst().orElse("(no row)");
        assertEquals(row(key), found, "README.md row for " + key.name());
    }

    @Test
    void theTableDocumentsNoKeyThatDoesNotExist() {
        Set<String> known = keys().stream().map(ConfigKey::name).collect(Collectors.toSet());
        List<String> stale = section.stream()
                .filter(l -> l.startsWith("| `interakt."))
                .map(l -> l.substring(3, l.indexOf('`', 3)))
                .filter(name -> !known.contains(name))
                .toList();
        assertEquals(List.of(), stale, "README documents keys ConfigKeys does not know");
    }

    @Test
    void everyEnvNameFollowsTheRule() {
        assertEquals("INTERAKT_RULE_SIGNUP_PATHS", ConfigKey.envName("interakt.rule.signup.paths"));
        assertEquals("INTERAKT_RETRY_MAX_ATTEMPTS", ConfigKey.envName("interakt.retry.max-attempts"));
        assertEquals("INTERAKT_RULE_<NAME>_EMAIL_FIELDS", ConfigKeys.RULE_EMAIL_FIELDS.envName());
    }
}
