package co.interakt.capture.delivery;

import co.interakt.capture.config.DeliverySettings;
import co.interakt.capture.config.Secret;
import co.interakt.capture.config.SpoolSettings;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/** Builds {@link DeliverySettings} for tests: tiny backoffs so retries cost milliseconds. */
final class TestSettings {
    static final String APP_ID = "app-under-test";
    static final String API_KEY = "sk-LIVE-7f3c9a1e5d";

    private String baseUrl;
    private String appId = APP_ID;
    private String apiKey = API_KEY;
    private boolean dryRun;
    private int queueCapacity = 100;
    private int maxAttempts = 5;
    private Duration initialBackoff = Duration.ofMillis(10);
    private Duration maxBackoff = Duration.ofMillis(40);
    private Duration connectTimeout = Duration.ofSeconds(2);
    private Duration responseTimeout = Duration.ofSeconds(5);
    private Duration totalTimeout = Duration.ofSeconds(10);
    private Duration shutdownGrace = Duration.ofSeconds(5);
    private Path trustStore;
    private String trustStorePassword;
    private SpoolSettings spool = SpoolSettings.OFF;

    private TestSettings(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    static TestSettings to(String baseUrl) {
        return new TestSettings(baseUrl);
    }

    TestSettings apiKey(String key) {
        this.apiKey = key;
        return this;
    }

    TestSettings noCredentials() {
        this.appId = null;
        this.apiKey = null;
        return this;
    }

    TestSettings dryRun(boolean dryRun) {
        this.dryRun = dryRun;
        return this;
    }

    TestSettings queueCapacity(int capacity) {
        this.queueCapacity = capacity;
        return this;
    }

    TestSettings maxAttempts(int attempts) {
        this.maxAttempts = attempts;
        return this;
    }

    TestSettings maxBackoff(Duration max) {
        this.maxBackoff = max;
        return this;
    }

    TestSettings totalTimeout(Duration total) {
        this.totalTimeout = total;
        return this;
    }

    TestSettings shutdownGrace(Duration grace) {
        this.shutdownGrace = grace;
        return this;
    }

    TestSettings trustStore(Path path, String password) {
        this.trustStore = path;
        this.trustStorePassword = password;
        return this;
    }

    TestSettings spool(SpoolSettings spool) {
        this.spool = spool;
        return this;
    }

    DeliverySettings build() {
        return new DeliverySettings(URI.create(baseUrl), appId, Secret.ofNullable(apiKey), dryRun, queueCapacity,
                maxAttempts, initialBackoff, maxBackoff, connectTimeout, responseTimeout, totalTimeout, shutdownGrace,
                trustStore, Secret.ofNullable(trustStorePassword), spool);
    }
}
