package co.interakt.capture.config;

import static co.interakt.capture.config.ConfigKeys.*;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Turns merged settings into the validated, immutable {@link CaptureConfig}. */
final class ConfigBinder {
    private ConfigBinder() {
    }

    static CaptureConfig bind(LayeredSettings s, List<String> ruleNames) {
        boolean enabled = ValueParser.bool(s.get(ENABLED));
        int maxBodyBytes = byteSize(s, MAX_BODY_BYTES);
        int maxValueLength = positiveInt(s, MAX_VALUE_LENGTH);
        List<String> sensitive = ValueParser.list(s.get(SENSITIVE_FIELDS));
        List<CaptureRule> rules = new ArrayList<>();
        for (String name : ruleNames) {
            rules.add(RuleBinder.bind(s, name));
        }
        return new CaptureConfig(enabled, rules, maxBodyBytes, maxValueLength, sensitive, delivery(s),
                ValueParser.bool(s.get(TRACE)));
    }

    private static DeliverySettings delivery(LayeredSettings s) {
        String appId = ValueParser.optional(s.get(APP_ID));
        Secret apiKey = Secret.ofNullable(s.get(API_KEY).value());
        boolean dryRun = dryRun(s.get(DRY_RUN), appId, apiKey);
        Duration initialBackoff = ValueParser.duration(s.get(RETRY_INITIAL_BACKOFF), false);
        Setting maxBackoffSetting = s.get(RETRY_MAX_BACKOFF);
        Duration maxBackoff = ValueParser.duration(maxBackoffSetting, false);
        if (maxBackoff.compareTo(initialBackoff) < 0) {
            throw maxBackoffSetting.error(maxBackoffSetting.shown() + " is below "
                    + RETRY_INITIAL_BACKOFF.name() + " (" + initialBackoff.toMillis() + "ms)",
                    "raise it, or lower " + RETRY_INITIAL_BACKOFF.name());
        }
        Path trustStore = trustStore(s.get(TRUSTSTORE_PATH));
        Secret trustStorePassword = Secret.ofNullable(s.get(TRUSTSTORE_PASSWORD).value());
        if (trustStorePassword != null && trustStore == null) {
            throw new ConfigException(TRUSTSTORE_PASSWORD.name(), "set without " + TRUSTSTORE_PATH.name(),
                    "set " + TRUSTSTORE_PATH.name() + " to the trust store file, or remove the password");
        }
        return new DeliverySettings(
                BaseUrl.parse(s.get(BASE_URL)),
                appId,
                apiKey,
                dryRun,
                positiveInt(s, QUEUE_CAPACITY),
                positiveInt(s, RETRY_MAX_ATTEMPTS),
                initialBackoff,
                maxBackoff,
                ValueParser.duration(s.get(TIMEOUT_CONNECT), false),
                ValueParser.duration(s.get(TIMEOUT_RESPONSE), false),
                ValueParser.duration(s.get(TIMEOUT_TOTAL), false),
                ValueParser.duration(s.get(SHUTDOWN_GRACE), true),
                trustStore,
                trustStorePassword,
                spool(s));
    }

    private static SpoolSettings spool(LayeredSettings s) {
        Path dir = spoolDir(s.get(SPOOL_DIR));
        int maxBytes = byteSize(s, SPOOL_MAX_BYTES);
        Setting fsync = s.get(SPOOL_FSYNC);
        return new SpoolSettings(dir, maxBytes, FsyncPolicy.parse(fsync.key(), fsync.value()),
                ValueParser.duration(s.get(SPOOL_FSYNC_INTERVAL), false));
    }

    private static int positiveInt(LayeredSettings s, ConfigKey key) {
        return ValueParser.positiveInt(s.get(key), key.limits());
    }

    /** The key's default is the example offered when a value is below its minimum. */
    private static int byteSize(LayeredSettings s, ConfigKey key) {
        return ValueParser.byteSize(s.get(key), key.limits(), key.defaultValue());
    }

    /** Created at start-up, not here (binding has no side effects); an existing non-directory is an error now. */
    private static Path spoolDir(Setting s) {
        String value = ValueParser.optional(s);
        if (value == null) {
            return null;
        }
        String fix = "point it at a directory this process may write to (it is created if missing), or remove it";
        try {
            Path path = Path.of(value).toAbsolutePath().normalize();
            if (!Files.exists(path) || Files.isDirectory(path)) {
                return path;
            }
        } catch (InvalidPathException e) {
            // reported below
        }
        throw s.error(s.shown() + " is not a directory", fix);
    }

    /** Unset means "dry-run exactly when credentials are missing"; an explicit false demands them. */
    private static boolean dryRun(Setting setting, String appId, Secret apiKey) {
        boolean missing = appId == null || apiKey == null;
        if (!setting.isSet()) {
            return missing;
        }
        boolean dryRun = ValueParser.bool(setting);
        if (!dryRun && missing) {
            List<String> absent = new ArrayList<>();
            if (appId == null) {
                absent.add(APP_ID.name());
            }
            if (apiKey == null) {
                absent.add(API_KEY.name());
            }
            throw new ConfigException(absent.get(0),
                    String.join(" and ", absent) + " not set while " + DRY_RUN.name() + "=false (" + setting.origin() + ")",
                    "set " + APP_ID.name() + " and " + API_KEY.name() + " (environment " + APP_ID.envName()
                            + " and " + API_KEY.envName() + "), or remove " + DRY_RUN.name()
                            + " to log payloads instead of sending them");
        }
        return dryRun;
    }

    private static Path trustStore(Setting s) {
        String value = ValueParser.optional(s);
        if (value == null) {
            return null;
        }
        String fix = "point it at a readable PKCS12 or JKS file, or remove it to use the JDK's trust store";
        try {
            Path path = Path.of(value);
            if (Files.isRegularFile(path) && Files.isReadable(path)) {
                return path;
            }
        } catch (InvalidPathException e) {
            // reported below
        }
        throw s.error(s.shown() + " is not a readable file", fix);
    }
}
