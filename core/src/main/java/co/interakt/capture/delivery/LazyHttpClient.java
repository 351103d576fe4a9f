package co.interakt.capture.delivery;

import java.io.IOException;
import java.util.function.Supplier;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.io.CloseMode;

/**
 * The HTTP client, built by the first worker that needs it rather than when the sender starts.
 *
 * <p><b>Why:</b> building the pool with the JDK's default TLS (SSLContext, cacerts) costs about
 * 80-190 ms of class loading and parsing, and the sender starts on the agent's premain thread,
 * before the application. A sender that never receives a payload never pays it.
 *
 * <p>Once {@link #close()} ran, no client is built any more, and a client built while close waited
 * for the lock is closed by it: a close racing the first payload leaks nothing.
 */
final class LazyHttpClient {
    private final Supplier<CloseableHttpClient> factory;
    private final Object lock = new Object();
    private volatile CloseableHttpClient client;
    private boolean closed; // guarded by lock

    private LazyHttpClient(Supplier<CloseableHttpClient> factory, CloseableHttpClient client) {
        this.factory = factory;
        this.client = client;
    }

    /** Built on the first {@link #get()}. */
    static LazyHttpClient lazy(Supplier<CloseableHttpClient> factory) {
        return new LazyHttpClient(factory, null);
    }

    /** Already built (e.g. to fail fast on a bad trust store at start-up). */
    static LazyHttpClient ready(CloseableHttpClient client) {
        return new LazyHttpClient(() -> client, client);
    }

    /**
     * The client, built on first use (double-checked: one build, later calls take no lock).
     *
     * @throws IOException when closed before it was built, or when building it failed; the caller
     *                     counts that as a failed attempt, and the next call tries again
     */
    CloseableHttpClient get() throws IOException {
        CloseableHttpClient built = client;
        if (built != null) {
            return built;
        }
        synchronized (lock) {
            if (closed) {
                throw new IOException("Interakt sender closed: HTTP client not created");
            }
            if (client == null) {
                try {
                    client = factory.get();
                } catch (RuntimeException | LinkageError e) {
                    throw new IOException("cannot create the HTTP client: " + e, e);
                }
            }
            return client;
        }
    }

    boolean created() {
        return client != null;
    }

    /** Closes the client if one was built, and refuses to build one from now on. */
    void close() {
        CloseableHttpClient built;
        synchronized (lock) {
            closed = true;
            built = client;
        }
        if (built != null) {
            built.close(CloseMode.IMMEDIATE);
        }
    }
}
