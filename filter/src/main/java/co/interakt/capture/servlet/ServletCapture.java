package co.interakt.capture.servlet;

import co.interakt.capture.config.CaptureRule;
import co.interakt.capture.engine.CaptureEngine;
import co.interakt.capture.engine.Failures;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.concurrent.atomic.LongAdder;

/**
 * The servlet side of capture for one web application, shared by the filter and the agent:
 * decides per request whether to capture, and owns the engine. Free of any registration concern
 * (web.xml, initializer, instrumentation), so each attachment mode only has to call
 * {@link #begin} before the application runs and {@link RequestCapture#afterChain} after it.
 */
public final class ServletCapture implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(ServletCapture.class.getName());

    private final CaptureEngine engine;
    private final int maxBodyBytes;
    private final LongAdder failures = new LongAdder();

    public ServletCapture(CaptureEngine engine) {
        this.engine = engine;
        this.maxBodyBytes = engine.config().maxBodyBytes();
    }

    /**
     * The capture of this request, or {@code null} when it matches no rule or was already taken
     * by another layer; then the caller passes the original request on untouched. A non-matching
     * request costs one rule lookup. Never throws.
     */
    public RequestCapture begin(ServletRequest request, ServletResponse response) {
        try {
            if (!(request instanceof HttpServletRequest http) || !(response instanceof HttpServletResponse httpResponse)) {
                return null;
            }
            String path = ServletPaths.withinApplication(http);
            CaptureRule rule = engine.ruleFor(http.getMethod(), path);
            if (rule == null || http.getAttribute(CaptureEngine.HANDLED_ATTRIBUTE) != null) {
                return null;
            }
            http.setAttribute(CaptureEngine.HANDLED_ATTRIBUTE, Boolean.TRUE);
            return new RequestCapture(this, rule, path, new BodyCachingRequest(http, maxBodyBytes), httpResponse);
        } catch (Throwable t) {
            failed("begin", t);
            return null;
        }
    }

    /** How many times the servlet-side capture failed (each time the request went on unharmed). */
    public long failures() {
        return failures.sum();
    }

    int maxBodyBytes() {
        return maxBodyBytes;
    }

    public CaptureEngine engine() {
        return engine;
    }

    /**
     * Counts and logs at DEBUG (a broken capture must not flood the host's log) the exception type
     * and where it was thrown, never its message: that could quote a request value.
     */
    void failed(String stage, Throwable t) {
        failures.increment();
        if (LOG.isLoggable(System.Logger.Level.DEBUG)) {
            LOG.log(System.Logger.Level.DEBUG, "Interakt capture failed at {0}, request not captured (the application is not affected): {1}",
                    stage, Failures.describe(t));
        }
    }

    /** Stops the engine, delivering what is queued within its grace period. */
    @Override
    public void close() {
        engine.close();
    }
}
