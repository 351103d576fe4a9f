package co.interakt.capture.examples.demo;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium from the system packages ({@code chromium}, {@code chromium-driver}), driven
 * through the system chromedriver. Both paths are given explicitly, so Selenium Manager has
 * nothing to look up and never downloads a browser or a driver.
 */
final class Chromium {
    static final Path BROWSER = Path.of(System.getProperty("chromium.binary", "/usr/bin/chromium"));
    static final Path DRIVER = Path.of(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver"));

    private Chromium() {
    }

    /**
     * Fails the calling test when Chromium or its driver is missing. Runs after {@link Required},
     * so it only fails on CI ({@code CI=true}), where .ci/run is meant to have installed them.
     */
    static void requireInstalled() {
        if (!installed()) {
            fail(MISSING);
        }
    }

    /** Skips the test class, with the reason, when Chromium is missing and this is not CI. */
    static final class Required implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            if (installed() || "true".equalsIgnoreCase(System.getenv("CI"))) {
                return ConditionEvaluationResult.enabled("Chromium and chromedriver installed, or CI (which must have them)");
            }
            return ConditionEvaluationResult.disabled(MISSING);
        }
    }

    private static final String MISSING = "the browser test needs " + BROWSER + " and " + DRIVER
            + " (Debian packages chromium and chromium-driver): .ci/run must install them;"
            + " locally: apt-get install -y chromium chromium-driver";

    private static boolean installed() {
        return Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER);
    }

    /** A new headless browser with a fresh profile in {@code profileDir}; its driver log beside it. */
    static ChromeDriver start(Path profileDir) throws IOException {
        Files.createDirectories(profileDir);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort()
                .withLogFile(profileDir.resolveSibling("chromedriver.log").toFile())
                .build();
        ChromeOptions options = new ChromeOptions()
                .setBinary(BROWSER.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--no-first-run", "--window-size=1100,900", "--user-data-dir=" + profileDir.toAbsolutePath());
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return driver;
    }
}
