package co.interakt.capture.spring;

import co.interakt.capture.config.CaptureConfig;
import co.interakt.capture.config.ConfigKeys;
import co.interakt.capture.delivery.CloseReport;
import co.interakt.capture.delivery.DryRunSink;
import co.interakt.capture.delivery.InteraktSender;
import co.interakt.capture.delivery.PayloadSink;
import co.interakt.capture.delivery.SenderMetrics;
import co.interakt.capture.delivery.Sinks;
import co.interakt.capture.delivery.spool.SpoolStatus;
import co.interakt.capture.engine.CaptureEngine;
import co.interakt.capture.engine.CaptureMetrics;
import co.interakt.capture.servlet.ServletCapture;
import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;

/**
 * The capture of one Spring application context: the validated configuration, and the engine with
 * its sink while the context runs. Started before the web server takes requests, stopped after the
 * web server stopped (and so after Boot's graceful shutdown let in-flight requests finish), so the
 * last signups are queued before the sink delivers what is queued within
 * {@code interakt.shutdown-grace}. Stopping closes the sender: its threads end and its MBean goes,
 * so a DevTools restart leaves nothing behind.
 */
public final class InteraktCapture implements SmartLifecycle, DisposableBean {
    /**
     * After the web server's stop ({@code SmartLifecycle.DEFAULT_PHASE - 2048} in Boot 3.5 and 4.0)
     * and Boot's graceful shutdown ({@code - 1024}): lower phases stop later.
     */
    static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

    private static final System.Logger LOG = System.getLogger(InteraktCapture.class.getName());
    private static final Log SPRING_LOG = LogFactory.getLog(InteraktCapture.class);

    private final CaptureConfig config;
    private volatile PayloadSink sink;
    private volatile ServletCapture capture;
    private volatile Runnable afterCapture = () -> { };

    InteraktCapture(CaptureConfig config) {
        this.config = config;
    }

    /** True when there is something to capture: enabled, with at least one rule. */
    public boolean active() {
        return config.enabled() && !config.rules().isEmpty();
    }

    public CaptureConfig config() {
        return config;
    }

    /** The servlet-side capture while running, else {@code null} (requests pass untouched). */
    ServletCapture current() {
        return capture;
    }

    @Override
    public synchronized void start() {
        if (capture != null) {
            return;
        }
        if (!active()) {
            LOG.log(Level.INFO, "Interakt capture: {0}, nothing will be captured",
                    config.enabled() ? "no capture rule configured" : "disabled (interakt.enabled=false)");
            return;
        }
        PayloadSink started = Sinks.create(config.delivery());
        sink = started;
        capture = new ServletCapture(new CaptureEngine(config, started));
        LOG.log(Level.INFO, "Interakt capture (Spring Boot starter): {0} rule(s), {1}", config.rules().size(),
                config.delivery().dryRun() || !(started instanceof InteraktSender)
                        ? "dry-run (payloads are logged, not sent)" : "sending to " + config.delivery().baseUrl());
    }

    /**
     * Stops intake and delivers what is queued, within {@code interakt.shutdown-grace}. Never throws.
     *
     * <p>The outcome is logged through Spring's own logging, not {@code System.Logger}: by the time
     * the lifecycle stops, Boot has already removed its {@code java.util.logging} bridge
     * (LoggingApplicationListener cleans up on ContextClosedEvent), so a JUL line would be lost,
     * and with it the warning about payloads not delivered.
     */
    @Override
    public synchronized void stop() {
        ServletCapture current = capture;
        capture = null;
        if (current == null) {
            return;
        }
        try {
            CloseReport report = sink instanceof InteraktSender sender ? sender.shutdown() : null;
            current.close();
            logStopped(report);
        } catch (RuntimeException e) {
            SPRING_LOG.warn("Interakt capture: error while stopping: " + e.getClass().getName());
        }
    }

    private void logStopped(CloseReport report) {
        if (report == null) {
            SPRING_LOG.info("Interakt capture stopped (dry-run)");
        } else if (report.complete()) {
            SPRING_LOG.info("Interakt capture stopped: " + report.pendingAtClose() + " pending payload(s) delivered or failed in "
                    + report.took().toMillis() + " ms");
        } else {
            SPRING_LOG.warn("Interakt capture stopped: " + report.left() + " of " + report.pendingAtClose() + " pending payload(s) "
                    + (config.delivery().spool().enabled() ? "kept in the spool " + config.delivery().spool().dir() + " for the next start"
                            : "not delivered within " + ConfigKeys.SHUTDOWN_GRACE.name() + "=" + config.delivery().shutdownGrace().toMillis()
                            + " ms (raise it to wait longer)"));
        }
    }

    @Override
    public boolean isRunning() {
        return capture != null;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    /** A context closed without a lifecycle stop (e.g. a failed refresh) still closes the sender. */
    @Override
    public void destroy() {
        stop();
    }

    /** What the engine did; zeros when it does not run. */
    public CaptureMetrics.Snapshot captureCounts() {
        ServletCapture current = capture;
        return current == null ? new CaptureMetrics.Snapshot(0, 0, Map.of(), 0) : current.engine().metrics();
    }

    /** The sender's counters; empty in dry-run or when not running. */
    public Optional<SenderMetrics> delivery() {
        return sink instanceof InteraktSender sender ? Optional.of(sender.metrics()) : Optional.empty();
    }

    public Optional<SpoolStatus> spool() {
        return sink instanceof InteraktSender sender ? sender.spoolStatus() : Optional.empty();
    }

    /** Payloads logged instead of sent (dry-run). */
    public long dryRunLogged() {
        return sink instanceof DryRunSink dryRun ? dryRun.logged() : 0;
    }

    /** Run after each captured request (the meters use it to learn new skip reasons). */
    void afterCapture(Runnable hook) {
        this.afterCapture = hook;
    }

    void captureDone() {
        try {
            afterCapture.run();
        } catch (RuntimeException e) {
            LOG.log(Level.DEBUG, "Interakt capture: after-capture hook failed: {0}", e.getClass().getName());
        }
    }
}
