package co.interakt.capture.engine;

import co.interakt.capture.config.CaptureConfig;
import co.interakt.capture.config.CaptureRule;
import co.interakt.capture.delivery.PayloadSink;
import co.interakt.capture.delivery.Sinks;
import co.interakt.capture.extract.CapturedRequest;

/**
 * The one entry point the servlet layer (filter or agent) uses: a cheap {@link #ruleFor} on every
 * request, then {@link #capture} after the application answered a matching one. Extraction,
 * mapping and the hand-off to the sink happen here; nothing here throws into the caller.
 */
public final class CaptureEngine implements AutoCloseable {

    /**
     * Request attribute set by whichever layer (filter or agent) handles a request first, so a
     * request is captured once even when both are installed. A plain string crosses class loaders;
     * it deliberately does not start with our package name, which the agent's shading relocates.
     */
    public static final String HANDLED_ATTRIBUTE = "interakt-capture.handled";

    // TODO(extraction helper): implement capture() and metrics.
    private final CaptureConfig config;
    private final PayloadSink sink;

    public CaptureEngine(CaptureConfig config, PayloadSink sink) {
        this.config = config;
        this.sink = sink;
    }

    /** Builds the sink the configuration asks for (HTTP sender or dry-run logger) and the engine around it. */
    public static CaptureEngine start(CaptureConfig config) {
        return new CaptureEngine(config, Sinks.create(config.delivery()));
    }

    public CaptureConfig config() {
        return config;
    }

    /** The rule for this request or {@code null}; allocation-free, safe on every request thread. */
    public CaptureRule ruleFor(String method, String path) {
        return config.ruleFor(method, path);
    }

    /**
     * Extracts, maps and submits. Runs on the request thread after the response is decided, so it
     * only parses an already-bounded body and enqueues; the network is never touched here.
     * Never throws.
     */
    public void capture(CaptureRule rule, CapturedRequest request) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    @Override
    public void close() {
        sink.close();
    }
}
