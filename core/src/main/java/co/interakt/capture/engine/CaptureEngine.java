package co.interakt.capture.engine;

import co.interakt.capture.config.CaptureConfig;
import co.interakt.capture.config.CaptureRule;
import co.interakt.capture.delivery.PayloadSink;
import co.interakt.capture.delivery.Sinks;
import co.interakt.capture.extract.CapturedRequest;
import co.interakt.capture.extract.Extraction;
import co.interakt.capture.extract.FieldExtractor;
import co.interakt.capture.payload.MappingResult;
import co.interakt.capture.payload.PayloadMapper;
import co.interakt.capture.payload.SensitiveFields;
import java.time.Clock;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

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

    private static final System.Logger LOG = System.getLogger(CaptureEngine.class.getName());

    private final CaptureConfig config;
    private final PayloadSink sink;
    private final Clock clock;
    private final FieldExtractor extractor;
    private final SensitiveFields sensitive;
    // Built once: aliases and patterns are normalised at start-up, not per request. Read-only after.
    private final Map<CaptureRule, PayloadMapper> mappers = new IdentityHashMap<>();
    private final CaptureMetrics metrics = new CaptureMetrics();
    private final AtomicBoolean failureLogged = new AtomicBoolean();

    public CaptureEngine(CaptureConfig config, PayloadSink sink) {
        this(config, sink, Clock.systemUTC());
    }

    /** As {@link #CaptureEngine(CaptureConfig, PayloadSink)}, with the clock that stamps {@code created_at}. */
    public CaptureEngine(CaptureConfig config, PayloadSink sink, Clock clock) {
        this.config = config;
        this.sink = sink;
        this.clock = clock;
        this.extractor = new FieldExtractor(config.maxBodyBytes());
        this.sensitive = SensitiveFields.withExtras(config.sensitiveFields());
        for (CaptureRule rule : config.rules()) {
            mappers.put(rule, newMapper(rule));
        }
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
     * Never throws: a skip is counted with its reason and logged at DEBUG (rule name and reason,
     * never a value); a failure of our own is counted as an internal error.
     */
    public void capture(CaptureRule rule, CapturedRequest request) {
        try {
            metrics.matched();
            Extraction extraction = extractor.extract(request);
            if (!extraction.captured()) {
                skip(rule, extraction.skippedReason());
                return;
            }
            MappingResult mapping = mapperFor(rule).map(extraction.fields(), request.context());
            if (!mapping.mapped()) {
                skip(rule, mapping.skippedReason());
                return;
            }
            if (sink.submit(mapping.payload())) {
                metrics.captured();
            } else {
                skip(rule, CaptureMetrics.SINK_REJECTED);
            }
        } catch (Throwable t) {
            metrics.internalError();
            logFailure(rule, t);
        }
    }

    /** What the engine did so far. */
    public CaptureMetrics.Snapshot metrics() {
        return metrics.snapshot();
    }

    /** Closes the sink (which delivers what is queued within its grace period). Never throws. */
    @Override
    public void close() {
        try {
            sink.close();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "closing the Interakt sink failed: {0}", e.getClass().getName());
        }
    }

    private PayloadMapper mapperFor(CaptureRule rule) {
        PayloadMapper mapper = mappers.get(rule);
        // A rule from another configuration still works, only without the cached mapper.
        return mapper != null ? mapper : newMapper(rule);
    }

    private PayloadMapper newMapper(CaptureRule rule) {
        return new PayloadMapper(rule, sensitive, config.maxValueLength(), clock);
    }

    private void skip(CaptureRule rule, String reason) {
        metrics.skipped(reason);
        if (LOG.isLoggable(System.Logger.Level.DEBUG)) {
            LOG.log(System.Logger.Level.DEBUG, "capture skipped: rule={0} reason={1}", ruleName(rule), reason);
        }
    }

    /**
     * Logs the exception type and where it was thrown, never its message (it could quote a field
     * value). The first failure is a WARNING, later ones DEBUG, so a bug cannot flood the app's log.
     */
    private void logFailure(CaptureRule rule, Throwable t) {
        try {
            StackTraceElement[] trace = t.getStackTrace();
            String where = trace.length > 0 ? trace[0].toString() : "?";
            System.Logger.Level level = failureLogged.compareAndSet(false, true)
                    ? System.Logger.Level.WARNING : System.Logger.Level.DEBUG;
            LOG.log(level, "capture failed, request not captured (the application is not affected): rule={0} error={1} at {2}",
                    ruleName(rule), t.getClass().getName(), where);
        } catch (Throwable ignored) {
            // Logging must not be the thing that breaks the request.
        }
    }

    private static String ruleName(CaptureRule rule) {
        return rule == null ? "?" : rule.name();
    }
}
