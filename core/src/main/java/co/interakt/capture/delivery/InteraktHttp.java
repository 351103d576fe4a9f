package co.interakt.capture.delivery;

import co.interakt.capture.config.DeliverySettings;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.io.HttpClientConnectionManager;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * One HTTP attempt at a time per caller, on a pooled keep-alive Apache HttpClient 5 (classic,
 * blocking API): the Interakt specifics (Basic auth, JSON, User-Agent, timeouts) in one place.
 * Never throws for a network problem; the {@link Attempt} says what happened.
 */
final class InteraktHttp implements AutoCloseable {
    private static final ContentType JSON = ContentType.create("application/json");
    private static final int ERROR_DETAIL_BYTES = 200;

    private final LazyHttpClient client;
    private final String authorization;
    private final ScheduledExecutorService timer;
    private final long totalTimeoutMillis;
    private final Set<HttpPost> inFlight = ConcurrentHashMap.newKeySet();

    /** What one attempt produced: a status (with Retry-After and a bit of the body), or an error. */
    record Attempt(int status, String retryAfter, String detail, IOException error) {
        boolean delivered() {
            return error == null && status >= 200 && status < 300;
        }

        static Attempt failed(IOException error) {
            return new Attempt(0, null, null, error);
        }
    }

    /**
     * @param maxConnections one per worker: keep-alive connections are reused, never queued for
     * @param timer          cancels an attempt that exceeds the total timeout
     */
    InteraktHttp(DeliverySettings settings, int maxConnections, ScheduledExecutorService timer) {
        this.authorization = BasicAuth.header(settings);
        this.timer = timer;
        this.totalTimeoutMillis = settings.totalTimeout().toMillis();
        // Built by the first worker that posts, not here on the start-up path (see LazyHttpClient);
        // except with a custom trust store: a bad one must fail start-up, naming its key.
        this.client = settings.trustStore() == null
                ? LazyHttpClient.lazy(() -> build(settings, maxConnections))
                : LazyHttpClient.ready(build(settings, maxConnections));
    }

    private static CloseableHttpClient build(DeliverySettings settings, int maxConnections) {
        HttpClientConnectionManager connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setTlsSocketStrategy(TrustMaterial.tlsStrategy(settings))
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(timeout(settings.connectTimeout()))
                        .setSocketTimeout(timeout(settings.responseTimeout()))
                        // Re-check a pooled connection idle this long before reuse, instead of a
                        // background evictor thread; the server may have closed it meanwhile.
                        .setValidateAfterInactivity(TimeValue.ofSeconds(2))
                        .setTimeToLive(TimeValue.ofMinutes(5))
                        .build())
                .setMaxConnTotal(maxConnections)
                .setMaxConnPerRoute(maxConnections)
                .build();
        return HttpClients.custom()
                .setConnectionManager(connections)
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(timeout(settings.responseTimeout()))
                        .setConnectionRequestTimeout(timeout(settings.connectTimeout()))
                        .build())
                .setUserAgent(UserAgent.VALUE)
                // Retries are ours (with backoff and the queue's bound); redirects would carry the
                // credentials to wherever a Location points; cookies and auth caching serve nothing.
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .disableAuthCaching()
                .build();
    }

    private static Timeout timeout(Duration d) {
        return Timeout.ofMilliseconds(Math.max(1, d.toMillis()));
    }

    /** POSTs the JSON body; blocks the calling worker for at most the total timeout. */
    Attempt post(URI endpoint, byte[] json) {
        CloseableHttpClient http;
        try {
            http = client.get();
        } catch (IOException e) {
            return Attempt.failed(e);
        }
        HttpPost post = new HttpPost(endpoint);
        post.setHeader(HttpHeaders.AUTHORIZATION, authorization);
        post.setHeader(HttpHeaders.ACCEPT, "application/json");
        post.setEntity(new ByteArrayEntity(json, JSON));
        inFlight.add(post);
        AtomicBoolean timedOut = new AtomicBoolean();
        ScheduledFuture<?> guard = timer.schedule(() -> {
            timedOut.set(true);
            post.cancel();
        }, totalTimeoutMillis, TimeUnit.MILLISECONDS);
        try {
            return http.execute(post, InteraktHttp::read);
        } catch (IOException e) {
            if (timedOut.get()) {
                return Attempt.failed(new IOException("no complete answer within the total timeout of " + totalTimeoutMillis + " ms", e));
            }
            return Attempt.failed(e);
        } finally {
            guard.cancel(false);
            inFlight.remove(post);
        }
    }

    private static Attempt read(ClassicHttpResponse response) throws IOException {
        int status = response.getCode();
        Header retryAfter = response.getFirstHeader(HttpHeaders.RETRY_AFTER);
        String detail = null;
        HttpEntity entity = response.getEntity();
        if (entity != null && (status < 200 || status >= 300)) {
            try (InputStream in = entity.getContent()) {
                detail = oneLine(new String(in.readNBytes(ERROR_DETAIL_BYTES), StandardCharsets.UTF_8));
            }
        }
        return new Attempt(status, retryAfter == null ? null : retryAfter.getValue(), detail, null);
    }

    /**
     * The answer's text fit for a log line: control characters become spaces, so a CR/LF (a forged
     * log line), a terminal escape or a NUL in whatever a server or proxy answered cannot reach a log.
     */
    static String oneLine(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? ' ' : c));
        return out.toString().strip();
    }

    /** Aborts every attempt in progress: used when the shutdown grace period is over. */
    void abortInFlight() {
        for (HttpPost post : inFlight) {
            post.cancel();
        }
    }

    /** Whether the pooled client exists yet: it is built on the first post. */
    boolean clientCreated() {
        return client.created();
    }

    /** Closes the client if it was built; none is built afterwards. */
    @Override
    public void close() {
        client.close();
    }
}
