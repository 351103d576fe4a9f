package co.interakt.capture.sandbox;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import javax.net.ssl.SSLContext;

/**
 * A local server that speaks Interakt's members and leads API ({@code POST /api/v1/members},
 * {@code POST /api/v1/leads}, Basic auth, JSON), records what it receives, and can be told to
 * fail: the demo's default target and the tests' real HTTP peer.
 *
 * <p>Stricter than the real Interakt on purpose: a body without {@code email}, with a {@code null}
 * or with a nested object other than {@code custom_fields} gets 400 here, where Interakt would
 * silently ignore it; a missing {@code application/json} content type gets 415. So a test catches
 * what production would swallow.
 *
 * <p>Also serves {@code GET /} (a page listing members and leads, newest first, refreshing every
 * second) and {@code GET /sandbox/received.json}. It keeps the newest {@value #KEPT} requests;
 * the counters keep counting past that.
 */
public final class InteraktSandbox implements AutoCloseable {
    public static final String DEFAULT_APP_ID = "demo-app";
    public static final String DEFAULT_API_KEY = "demo-key";
    public static final String API_PATH = "/api/v1";
    static final int KEPT = 10_000;
    private static final int MAX_BODY_BYTES = 1 << 20;
    private static final AtomicInteger THREADS = new AtomicInteger();

    static {
        // The JDK server writes the response headers and the body as two small segments; with
        // Nagle on, the body waits for the client's delayed ACK (~40 ms per request on Linux).
        // Read once when the JDK's server config class loads, so set it before the first server.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final String expectedAuthorization;

    // Everything below is guarded by `lock`; the waiting helpers wait on it.
    private final Object lock = new Object();
    private final Deque<ReceivedRequest> kept = new ArrayDeque<>();
    private final Deque<ScriptedResponse> script = new ArrayDeque<>();
    private long receivedCount;
    private long acceptedCount;
    private int hangingCount;
    private CountDownLatch hangGate;

    private HttpServer server;
    private ExecutorService executor;
    private String scheme;
    private boolean closed;

    /** A canned answer queued with {@link #respondNext}. */
    private record ScriptedResponse(int status, Map<String, String> headers) {
    }

    /** A sandbox accepting {@value #DEFAULT_APP_ID} / {@value #DEFAULT_API_KEY}. */
    public InteraktSandbox() {
        this(DEFAULT_APP_ID, DEFAULT_API_KEY);
    }

    public InteraktSandbox(String appId, String apiKey) {
        String credentials = appId + ":" + apiKey;
        this.expectedAuthorization = "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    /** Starts plain HTTP on loopback; {@code port} 0 picks a free one. */
    public InteraktSandbox start(int port) {
        return start(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), null);
    }

    /** Starts HTTPS on loopback with the given server certificate context. */
    public InteraktSandbox startTls(int port, SSLContext tls) {
        return start(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), tls);
    }

    /** Starts on any address; {@code tls} {@code null} for plain HTTP. */
    public synchronized InteraktSandbox start(InetSocketAddress address, SSLContext tls) {
        if (server != null || closed) {
            throw new IllegalStateException("a sandbox starts once");
        }
        try {
            if (tls == null) {
                server = HttpServer.create(address, 128);
                scheme = "http";
            } else {
                HttpsServer https = HttpsServer.create(address, 128);
                https.setHttpsConfigurator(new HttpsConfigurator(tls));
                server = https;
                scheme = "https";
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + address, e);
        }
        // A thread per open exchange: a hanging request must not stop the others being answered.
        executor = Executors.newCachedThreadPool(task -> {
            Thread t = new Thread(task, "interakt-sandbox-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext(API_PATH + "/members", this::handleApi);
        server.createContext(API_PATH + "/leads", this::handleApi);
        server.createContext("/", this::handlePage);
        server.start();
        return this;
    }

    public int port() {
        return server().getAddress().getPort();
    }

    /** The API base to configure, e.g. {@code http://127.0.0.1:8099/api/v1}. */
    public String baseUrl() {
        return origin() + API_PATH;
    }

    /** Where the web page is, e.g. {@code http://127.0.0.1:8099/}. */
    public String pageUrl() {
        return origin() + "/";
    }

    private String origin() {
        InetAddress address = server().getAddress().getAddress();
        String host = address.isAnyLocalAddress() ? "127.0.0.1" : address.getHostAddress();
        if (host.indexOf(':') >= 0) {
            host = "[" + host + "]";
        }
        return scheme + "://" + host + ":" + port();
    }

    private synchronized HttpServer server() {
        if (server == null) {
            throw new IllegalStateException("sandbox not started");
        }
        return server;
    }

    // ---- fault scripting ----------------------------------------------------------------------

    /** The next request gets this status (before any check), then normal behaviour resumes. */
    public InteraktSandbox respondNext(int status) {
        return respondNext(1, status, Map.of());
    }

    /** The next request gets this status and headers, e.g. {@code 429} with {@code Retry-After: 1}. */
    public InteraktSandbox respondNext(int status, Map<String, String> headers) {
        return respondNext(1, status, headers);
    }

    /** The next {@code times} requests get this status and headers. */
    public InteraktSandbox respondNext(int times, int status, Map<String, String> headers) {
        ScriptedResponse response = new ScriptedResponse(status, Map.copyOf(headers));
        synchronized (lock) {
            for (int i = 0; i < times; i++) {
                script.add(response);
            }
        }
        return this;
    }

    /**
     * {@code true}: API requests are read and then held unanswered until {@code hang(false)} or
     * {@link #close()}; then they are answered normally.
     */
    public InteraktSandbox hang(boolean hang) {
        synchronized (lock) {
            if (hang && hangGate == null) {
                hangGate = new CountDownLatch(1);
            } else if (!hang && hangGate != null) {
                hangGate.countDown();
                hangGate = null;
            }
        }
        return this;
    }

    // ---- what was received --------------------------------------------------------------------

    /** Every kept API request, oldest first, whatever the answer. */
    public List<ReceivedRequest> received() {
        synchronized (lock) {
            return List.copyOf(kept);
        }
    }

    /** Accepted (2xx) requests to {@code /members}, oldest first. */
    public List<ReceivedRequest> members() {
        return accepted("members");
    }

    /** Accepted (2xx) requests to {@code /leads}, oldest first. */
    public List<ReceivedRequest> leads() {
        return accepted("leads");
    }

    private List<ReceivedRequest> accepted(String target) {
        List<ReceivedRequest> out = new ArrayList<>();
        for (ReceivedRequest r : received()) {
            if (r.accepted() && r.target().equals(target)) {
                out.add(r);
            }
        }
        return out;
    }

    /** How many API requests were answered since start or {@link #clear()}, beyond the kept ones too. */
    public long receivedCount() {
        synchronized (lock) {
            return receivedCount;
        }
    }

    /** How many of those were answered 2xx. */
    public long acceptedCount() {
        synchronized (lock) {
            return acceptedCount;
        }
    }

    /** How many requests are being held by {@link #hang(boolean)} right now. */
    public int hangingCount() {
        synchronized (lock) {
            return hangingCount;
        }
    }

    /** Waits until at least {@code count} requests were answered; {@code false} on timeout. */
    public boolean awaitReceived(long count, Duration timeout) {
        return await(() -> receivedCount, count, timeout);
    }

    /** Waits until at least {@code count} requests were answered 2xx; {@code false} on timeout. */
    public boolean awaitAccepted(long count, Duration timeout) {
        return await(() -> acceptedCount, count, timeout);
    }

    /** Waits until at least {@code count} requests are held by {@link #hang(boolean)}. */
    public boolean awaitHanging(int count, Duration timeout) {
        return await(() -> hangingCount, count, timeout);
    }

    private boolean await(LongSupplier counter, long count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (counter.getAsLong() < count) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    lock.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return true;
        }
    }

    /** Forgets received requests, counters and scripted responses (not the hang state). */
    public void clear() {
        synchronized (lock) {
            kept.clear();
            script.clear();
            receivedCount = 0;
            acceptedCount = 0;
        }
    }

    /** Stops listening, releases held requests; idempotent. */
    @Override
    public void close() {
        HttpServer toStop;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            toStop = server;
        }
        hang(false);
        if (toStop != null) {
            toStop.stop(0);
            executor.shutdownNow();
        }
    }

    // ---- HTTP handlers ------------------------------------------------------------------------

    private void handleApi(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (!path.equals(exchange.getHttpContext().getPath())) {
                send(exchange, 404, Map.of(), "{\"error\":\"not found\"}");
                return;
            }
            byte[] body = exchange.getRequestBody().readNBytes(MAX_BODY_BYTES);
            Instant receivedAt = Instant.now();
            if (!waitWhileHanging()) {
                return;
            }
            Answer answer = answer(exchange, body);
            InteraktJson.Parsed parsed = answer.parsed;
            ReceivedRequest request = new ReceivedRequest(receivedAt, exchange.getRequestMethod(), path,
                    copy(exchange.getRequestHeaders()), new String(body, StandardCharsets.UTF_8), answer.status,
                    parsed.attributes(), parsed.customFields(), answer.error);
            record(request);
            send(exchange, answer.status, answer.headers,
                    answer.error == null ? "{}" : "{\"error\":\"" + new String(JsonStringEncoder.getInstance().quoteAsString(answer.error)) + "\"}");
        }
    }

    private record Answer(int status, Map<String, String> headers, InteraktJson.Parsed parsed, String error) {
    }

    /** The checks, in the order the real service would plausibly apply them; a scripted fault wins. */
    private Answer answer(HttpExchange exchange, byte[] body) {
        ScriptedResponse scripted;
        synchronized (lock) {
            scripted = script.poll();
        }
        InteraktJson.Parsed parsed = InteraktJson.parse(body);
        if (scripted != null) {
            boolean ok = scripted.status >= 200 && scripted.status < 300;
            return new Answer(scripted.status, scripted.headers, parsed, ok ? null : "scripted " + scripted.status);
        }
        if (!"POST".equals(exchange.getRequestMethod())) {
            return new Answer(405, Map.of("Allow", "POST"), parsed, "only POST is supported");
        }
        if (!expectedAuthorization.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            return new Answer(401, Map.of("WWW-Authenticate", "Basic realm=\"Interakt\""), parsed,
                    "missing or wrong Basic credentials (app id / api key)");
        }
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            return new Answer(415, Map.of(), parsed, "Content-Type must be application/json");
        }
        if (parsed.error() != null) {
            return new Answer(400, Map.of(), parsed, parsed.error());
        }
        return new Answer(200, Map.of(), parsed, null);
    }

    /** Holds the exchange while hanging; {@code false} when the sandbox is shutting down. */
    private boolean waitWhileHanging() {
        CountDownLatch gate;
        synchronized (lock) {
            gate = hangGate;
            if (gate == null) {
                return true;
            }
            hangingCount++;
            lock.notifyAll();
        }
        try {
            gate.await();
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            synchronized (lock) {
                hangingCount--;
            }
        }
    }

    private void record(ReceivedRequest request) {
        synchronized (lock) {
            if (kept.size() == KEPT) {
                kept.removeFirst();
            }
            kept.addLast(request);
            receivedCount++;
            if (request.accepted()) {
                acceptedCount++;
            }
            lock.notifyAll();
        }
    }

    private void handlePage(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            List<ReceivedRequest> newestFirst = new ArrayList<>(received());
            Collections.reverse(newestFirst);
            if (path.equals("/")) {
                exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
                send(exchange, 200, Map.of(), SandboxPage.render(baseUrl(), newestFirst, receivedCount()));
            } else if (path.equals("/sandbox/received.json")) {
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                send(exchange, 200, ReceivedJson.write(newestFirst));
            } else {
                send(exchange, 404, Map.of(), "not found");
            }
        }
    }

    private static void send(HttpExchange exchange, int status, Map<String, String> headers, String body) throws IOException {
        Headers out = exchange.getResponseHeaders();
        headers.forEach(out::set);
        if (!out.containsKey("Content-Type")) {
            out.set("Content-Type", "application/json");
        }
        send(exchange, status, body.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream os = exchange.getResponseBody()) {
            os.write(body);
        }
    }

    private static Map<String, List<String>> copy(Headers headers) {
        Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
        return Collections.unmodifiableMap(copy);
    }
}
