package co.interakt.capture.spring;

import static org.assertj.core.api.Assertions.assertThat;

import co.interakt.capture.config.ConfigKey;
import co.interakt.capture.config.ConfigKeys;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The configuration metadata in the jar is what {@link ConfigKeys} says. After changing a key:
 * {@code mvn -pl spring-boot-starter -am test -Dtest=ConfigurationMetadataTest -Dsurefire.failIfNoSpecifiedTests=false -Dinterakt.regenerate-metadata=true}.
 */
class ConfigurationMetadataTest {
    private static final Path FILE = Path.of("src/main/resources/META-INF/spring-configuration-metadata.json");

    @Test
    void metadataFileMatchesConfigKeys() throws Exception {
        String expected = ConfigurationMetadataJson.render();
        if (Boolean.getBoolean("interakt.regenerate-metadata")) {
            Files.writeString(FILE, expected, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(FILE, StandardCharsets.UTF_8))
                .as("%s is stale: regenerate it (see this test's javadoc)", FILE)
                .isEqualTo(expected);
    }

    @Test
    void everyKeyIsInTheJarWithDescriptionAndItsDefault() throws Exception {
        JsonNode metadata;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            assertThat(in).isNotNull();
            metadata = new ObjectMapper().readTree(in);
        }
        Set<String> names = new HashSet<>();
        for (JsonNode property : metadata.get("properties")) {
            names.add(property.get("name").asText());
            assertThat(property.get("description").asText()).isNotBlank();
        }
        for (ConfigKey key : ConfigKeys.all()) {
            assertThat(names).contains(key.perRule() ? key.forRule(ConfigKeys.DEFAULT_RULE) : key.name());
        }
        JsonNode queue = find(metadata, ConfigKeys.QUEUE_CAPACITY.name());
        assertThat(queue.get("type").asText()).isEqualTo("java.lang.Integer");
        assertThat(queue.get("defaultValue").asInt()).isEqualTo(10000);
        JsonNode paths = find(metadata, "interakt.rule.signup.paths");
        assertThat(paths.get("defaultValue").isArray()).isTrue();
        assertThat(paths.get("defaultValue").get(0).asText()).isEqualTo("/signup");
        assertThat(find(metadata, ConfigKeys.API_KEY.name()).has("defaultValue")).isFalse();
    }

    private static JsonNode find(JsonNode metadata, String name) {
        for (JsonNode property : metadata.get("properties")) {
            if (property.get("name").asText().equals(name)) {
                return property;
            }
        }
        throw new AssertionError(name + " not in the metadata");
    }
}
