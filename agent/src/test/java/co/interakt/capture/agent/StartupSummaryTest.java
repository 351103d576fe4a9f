package co.interakt.capture.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import co.interakt.capture.config.CaptureConfig;
import co.interakt.capture.config.ConfigLoader;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StartupSummaryTest {
    private static final String KEY = "k3y-that-must-never-show";

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            false | https://api.example.com/api/v1 | sending to api.example.com
            false | http://127.0.0.1:8099/api/v1   | sending to 127.0.0.1:8099
            true  | https://api.example.com/api/v1 | dry-run (payloads are logged, not sent)
            """)
    void namesVersionRulesAndDestinationButNoCredential(boolean dryRun, String baseUrl, String destination) {
        CaptureConfig config = new ConfigLoader().overrides(Map.of(
                "interakt.app-id", "my-app-id",
                "interakt.api-key", KEY,
                "interakt.base-url", baseUrl,
                "interakt.dry-run", Boolean.toString(dryRun),
                "interakt.rules", "signup,newsletter",
                "interakt.rule.signup.paths", "/join,/users/*/register",
                "interakt.rule.newsletter.paths", "/newsletter",
                "interakt.rule.newsletter.methods", "POST,PUT",
                "interakt.rule.newsletter.target", "leads")).load();

        String line = StartupSummary.describe("1.2.3", "premain", config);

        assertEquals("Interakt capture agent 1.2.3 (premain): 2 rule(s) [signup: POST /join,/users/*/register -> members; "
                + "newsletter: POST,PUT /newsletter -> leads], " + destination, line);
        assertFalse(line.contains(KEY));
        assertFalse(line.contains("my-app-id"));
    }
}
