package co.interakt.capture.engine;

import co.interakt.capture.config.CaptureConfig;
import co.interakt.capture.config.CaptureRule;
import co.interakt.capture.config.PathPattern;
import co.interakt.capture.delivery.JmxRegistration;
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
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * The one entry point the servlet layer (filter or agent) uses: a cheap {@link #ruleFor} on every
 * request, then {@link #capture} after the application answered a matching one. The status
 * decision, extraction, mapping and the hand-off to the sink happen here; nothing here throws into
 * the caller.
 *
 * <p>Every matched request is counted ({@link #metrics()}, and the {@code co.interakt.capture:type=Capture}
 * MXBean once {@link #start} registered it) and ends captured, skipped with a reason, or as an
 * internal error. A skip the user can act on is logged as a WARNING on the
 * {@value SkipWarnings#LOGGER_NAME} logger (the first of each rule and reason, then at most one
 * summary line every few minutes); every skip is logged at DEBUG. With {@code interakt.trace}
 * each matched request gets an INFO line. Field names only, never a value.
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
    private final SkipWarnings warnings;
    private final DecisionTrace trace;
    private volatile JmxRegistration jmx;

    public CaptureEngine(CaptureConfig config, PayloadSink sink) {
        this(config, sink, Clock.systemUTC());
    }

    /** As {@link #CaptureEngine(CaptureConfig, PayloadSink)}, with the clock that stamps {@code created_at}. */
    public CaptureEngine(CaptureConfig config, PayloadSink sink, Clock clock) {
        this(config, sink, clock, new SkipWarnings());
    }

    CaptureEngine(CaptureConfig config, PayloadSink sink, Clock clock, SkipWarnings warnings) {
        this.config = config;
        this.warnings = warnings;
        this.trace = config.trace() ? new DecisionTrace() : null;
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
        CaptureEngine engine = new CaptureEngine(config, Sinks.create(config.delivery()));
        engine.registerOnJmx();
        return engine;
    }

    /**
     * Puts the counters on JMX as {@code co.interakt.capture:type=Capture} (or {@code ,instance=N}),
     * from a short-lived thread of its own: the first use of JMX loads many classes, and the agent
     * starts the engine on the JVM's premain thread. {@link #close()} takes it off again.
     */
    public void registerOnJmx() {
        JmxRegistration registration = JmxRegistration.of(new CaptureJmx(metrics), CaptureMXBean.class, CaptureJmx.OBJECT_NAME);
        jmx = registration;
        try {
            Thread thread = new Thread(registration::register, "interakt-capture-jmx");
            thread.setDaemon(true);
            thread.start();
        } catch (Throwable t) {
            // Without JMX the counters are still in metrics(); capture goes on.
            LOG.log(System.Logger.Level.DEBUG, "Interakt capture MBean not registered: {0}", t.getClass().getName());
        }
    }

    public CaptureConfig config() {
        return config;
    }

    /** The rule for this request or {@code null}; allocation-free, safe on every request thread. */
    public CaptureRule ruleFor(String method, String path) {
        return config.ruleFor(method, path);
    }

    /**
     * Decides on the application's status, then extracts, maps and submits. Runs on the request
     * thread after the response is decided, so it only parses an already-bounded body and
     * enqueues; the network is never touched here. {@code snapshot} is called only when the status
     * is a success for the rule (see {@code success-status}); otherwise the request is skipped as
     * {@value CaptureMetrics#STATUS_NOT_SUCCESS} without its body being looked at.
     * Never throws: a skip is counted with its reason and logged (names, never a value); a failure
     * of our own, the snapshot's included, is counted as an internal error.
     */
    public void capture(CaptureRule rule, MatchedRequest matched, Supplier<CapturedRequest> snapshot) {
        run(rule, matched, snapshot, null);
    }

    /** As {@link #capture(CaptureRule, MatchedRequest, Supplier)} for a request whose status the caller already took as a success. */
    public void capture(CaptureRule rule, CapturedRequest request) {
        run(rule, null, null, request);
    }

    private void run(CaptureRule rule, MatchedRequest matched, Supplier<CapturedRequest> snapshot, CapturedRequest given) {
        Outcome outcome = new Outcome(rule, matched);
        try {
            metrics.matched();
            if (matched != null && !rule.successStatus().accepts(matched.status(), matched.contentType())) {
                skip(outcome, CaptureMetrics.STATUS_NOT_SUCCESS);
                return;
            }
            CapturedRequest request = given != null ? given : snapshot.get();
            outcome.request = request;
            Extraction extraction = extractor.extract(request);
            if (!extraction.captured()) {
                skip(outcome, extraction.skippedReason());
                return;
            }
            outcome.fields = extraction.fields();
            MappingResult mapping = mapperFor(rule).map(extraction.fields(), request.context(), trace != null);
            outcome.sources = mapping.sources();
            if (!mapping.mapped()) {
                skip(outcome, mapping.skippedReason());
                return;
            }
            if (sink.submit(mapping.payload())) {
                metrics.captured();
                trace(outcome, "captured");
            } else {
                skip(outcome, CaptureMetrics.SINK_REJECTED);
            }
        } catch (Throwable t) {
            metrics.internalError();
            logFailure(rule, t);
            trace(outcome, "internal-error");
        }
    }

    /** What is known of one matched request as the decision proceeds; names only. */
    private static final class Outcome {
        final CaptureRule rule;
        final MatchedRequest matched;
        CapturedRequest request;
        Map<String, List<String>> fields;
        Map<String, String> sources;

        Outcome(CaptureRule rule, MatchedRequest matched) {
            this.rule = rule;
            this.matched = matched;
        }

        String method() {
            return matched != null ? matched.method() : request != null ? request.method() : "?";
        }

        /** The rule's pattern the path matched: logged instead of the path, which may hold personal data. */
        String pattern() {
            String path = matched != null ? matched.path() : request != null ? request.path() : null;
            if (rule != null && path != null) {
                for (PathPattern pattern : rule.paths()) {
                    if (pattern.matches(path)) {
                        return pattern.toString();
                    }
                }
            }
            return rule == null || rule.paths().isEmpty() ? "(path)" : rule.paths().get(0).toString();
        }

        String fieldNames() {
            return fields == null ? null : SeenNames.describe(fields.keySet());
        }
    }

    /** What the engine did so far. */
    public CaptureMetrics.Snapshot metrics() {
        return metrics.snapshot();
    }

    /**
     * Closes the sink (which delivers what is queued within its grace period), writes the skip
     * counts not yet reported and takes the MXBean off JMX. Never throws.
     */
    @Override
    public void close() {
        try {
            sink.close();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "closing the Interakt sink failed: {0}", e.getClass().getName());
        }
        try {
            warnings.flush();
            JmxRegistration registration = jmx;
            if (registration != null) {
                registration.unregister();
            }
        } catch (Throwable t) {
            LOG.log(System.Logger.Level.DEBUG, "closing the Interakt capture diagnostics failed: {0}", t.getClass().getName());
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

    private void skip(Outcome outcome, String reason) {
        metrics.skipped(reason, clock.instant());
        if (LOG.isLoggable(System.Logger.Level.DEBUG)) {
            LOG.log(System.Logger.Level.DEBUG, "capture skipped: rule={0} reason={1}", ruleName(outcome.rule), reason);
        }
        SkipReason entry = SkipReasonCatalog.of(reason);
        try {
            if (entry.actionable()) {
                String emailField = PayloadMapper.INVALID_EMAIL.equals(reason) && outcome.sources != null
                        ? outcome.sources.get("email") : null;
                warnings.record(new SkipWarnings.Skip(ruleName(outcome.rule), reason, outcome.method(), outcome.pattern(),
                        outcome.fieldNames(), emailField));
            }
        } catch (Throwable t) {
            logFailure(outcome.rule, t);
        }
        if (trace != null) { // the decision's text is built only for the trace
            trace(outcome, "skipped (" + reason + ": " + entry.words() + ")");
        }
    }

    private void trace(Outcome outcome, String decision) {
        if (trace == null) {
            return;
        }
        try {
            int status = outcome.matched == null ? -1 : outcome.matched.status();
            String target = outcome.rule == null || outcome.rule.target() == null ? "?" : outcome.rule.target().path();
            trace.log(DecisionTrace.line(ruleName(outcome.rule), outcome.method(), outcome.pattern(), status, target, decision,
                    outcome.fieldNames(), outcome.sources));
        } catch (Throwable t) {
            // The trace must not be the thing that breaks the request.
        }
    }

    /**
     * Logs the exception type and where it was thrown, never its message (it could quote a field
     * value). The first failure is a WARNING, later ones DEBUG, so a bug cannot flood the app's log.
     */
    private void logFailure(CaptureRule rule, Throwable t) {
        try {
            System.Logger.Level level = failureLogged.compareAndSet(false, true)
                    ? System.Logger.Level.WARNING : System.Logger.Level.DEBUG;
            LOG.log(level, "capture failed, request not captured (the application is not affected): rule={0} error={1}",
                    ruleName(rule), Failures.describe(t));
        } catch (Throwable ignored) {
            // Logging must not be the thing that breaks the request.
        }
    }

    private static String ruleName(CaptureRule rule) {
        return rule == null ? "?" : rule.name();
    }
}
