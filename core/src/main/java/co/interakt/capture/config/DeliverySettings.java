package co.interakt.capture.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Everything the asynchronous sender needs. Immutable; built and validated by {@link ConfigLoader}.
 *
 * @param baseUrl            Interakt API base, e.g. {@code https://app.interakt.co/api/v1} (https, or http on loopback)
 * @param appId              Basic-auth user; {@code null} when not configured
 * @param apiKey             Basic-auth password; masked in toString; {@code null} when not configured
 * @param dryRun             log payloads instead of sending them (the default without credentials)
 * @param queueCapacity      bound of the in-memory queue; the newest event is dropped when full
 * @param maxAttempts        total attempts per payload, first try included
 * @param initialBackoff     first retry delay, doubled per attempt with jitter
 * @param maxBackoff         cap of the retry delay (and of an honoured Retry-After)
 * @param connectTimeout     TCP connect timeout
 * @param responseTimeout    time to wait for the response once the request is sent
 * @param totalTimeout       cap on one attempt from connect to the last response byte
 * @param shutdownGrace      how long {@code close()} keeps delivering what is queued
 * @param trustStore         optional trust store (PKCS12/JKS) for a private CA; {@code null} = JDK defaults
 * @param trustStorePassword its password, masked; may be {@code null}
 * @param spool              the optional on-disk spool; {@link SpoolSettings#OFF} = memory only (never {@code null})
 */
public record DeliverySettings(
        URI baseUrl,
        String appId,
        Secret apiKey,
        boolean dryRun,
        int queueCapacity,
        int maxAttempts,
        Duration initialBackoff,
        Duration maxBackoff,
        Duration connectTimeout,
        Duration responseTimeout,
        Duration totalTimeout,
        Duration shutdownGrace,
        Path trustStore,
        Secret trustStorePassword,
        SpoolSettings spool) {

    public static final URI DEFAULT_BASE_URL = URI.create("https://app.interakt.co/api/v1");

    public DeliverySettings {
        spool = spool == null ? SpoolSettings.OFF : spool;
    }

    /** Settings without a spool: the constructor from before the spool existed, kept for its callers. */
    public DeliverySettings(URI baseUrl, String appId, Secret apiKey, boolean dryRun, int queueCapacity, int maxAttempts,
            Duration initialBackoff, Duration maxBackoff, Duration connectTimeout, Duration responseTimeout,
            Duration totalTimeout, Duration shutdownGrace, Path trustStore, Secret trustStorePassword) {
        this(baseUrl, appId, apiKey, dryRun, queueCapacity, maxAttempts, initialBackoff, maxBackoff, connectTimeout,
                responseTimeout, totalTimeout, shutdownGrace, trustStore, trustStorePassword, SpoolSettings.OFF);
    }

    /** The same settings with another spool. */
    public DeliverySettings withSpool(SpoolSettings spool) {
        return new DeliverySettings(baseUrl, appId, apiKey, dryRun, queueCapacity, maxAttempts, initialBackoff, maxBackoff,
                connectTimeout, responseTimeout, totalTimeout, shutdownGrace, trustStore, trustStorePassword, spool);
    }

    /** The endpoint for a target, e.g. {@code {base}/members}. */
    public URI endpoint(Target target) {
        String base = baseUrl.toString();
        return URI.create((base.endsWith("/") ? base : base + "/") + target.path());
    }
}
