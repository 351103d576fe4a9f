package co.interakt.capture.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** Boot's configuration sources as Boot itself loads them (config data: profiles, YAML, config trees), read by the starter. */
class EnvironmentSettingsTest {

    @Test
    void profileYamlListsAreJoinedAsOurListsAndSayWhereTheyCameFrom() {
        StandardEnvironment environment = new StandardEnvironment();
        ConfigDataEnvironmentPostProcessor.applyTo(environment, null, null, List.of("yamltest"));
        EnvironmentSettings settings = EnvironmentSettings.from(environment);
        assertThat(settings.values()).containsEntry("interakt.rules", "signup,newsletter")
                .containsEntry("interakt.rule.signup.paths", "/join,/api/join")
                .containsEntry("interakt.rule.newsletter.target", "leads");
        assertThat(settings.originOf("interakt.rule.newsletter.target")).contains("application-yamltest.yml");
    }

    @Test
    void configTreeFilesCarrySecrets(@TempDir Path tree) throws Exception {
        Files.createDirectories(tree.resolve("interakt"));
        Files.writeString(tree.resolve("interakt/api-key"), "key-from-a-mounted-secret\n");
        Files.writeString(tree.resolve("interakt/app-id"), "app-from-tree");
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test",
                Map.of("spring.config.import", "configtree:" + tree.toAbsolutePath() + "/")));
        ConfigDataEnvironmentPostProcessor.applyTo(environment);
        EnvironmentSettings settings = EnvironmentSettings.from(environment);
        assertThat(settings.values().get("interakt.app-id")).isEqualTo("app-from-tree");
        assertThat(settings.values().get("interakt.api-key")).startsWith("key-from-a-mounted-secret");
        assertThat(InteraktCaptureAutoConfiguration.CaptureConfiguration.load(environment).delivery().apiKey().reveal())
                .isEqualTo("key-from-a-mounted-secret");
    }

    @Test
    void environmentVariablesBindWithBootsRelaxedNames() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        Map.of("INTERAKT_APP_ID", "app-from-env", "INTERAKT_RULE_SIGNUP_PATHS", "/a,/b",
                                "INTERAKT_NOT_A_KEY", "ignored")));
        EnvironmentSettings settings = EnvironmentSettings.from(environment);
        assertThat(settings.values()).containsEntry("interakt.app-id", "app-from-env")
                .containsEntry("interakt.rule.signup.paths", "/a,/b")
                .doesNotContainKey("interakt.not.a.key");
    }

    @Test
    void unknownSystemPropertiesAreLeftToTheLoadersWarningNotFatal() {
        System.setProperty("interakt.not-a-key", "x");
        try {
            StandardEnvironment environment = new StandardEnvironment();
            assertThatCode(() -> InteraktCaptureAutoConfiguration.CaptureConfiguration.load(environment)).doesNotThrowAnyException();
        } finally {
            System.clearProperty("interakt.not-a-key");
        }
    }
}
