package co.interakt.capture.filter;

import co.interakt.capture.config.CaptureConfig;
import co.interakt.capture.config.ConfigLoader;
import co.interakt.capture.engine.CaptureEngine;
import co.interakt.capture.servlet.RequestCapture;
import co.interakt.capture.servlet.ServletCapture;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.Map;

/**
 * Captures the signups of the web application it is installed in and forwards them to Interakt.
 *
 * <p>Configured from its init-params ({@code interakt.*} keys, plus {@code config-file}), over
 * {@code interakt.*} context parameters, system properties, {@code INTERAKT_*} environment
 * variables and the properties file. Declared in {@code web.xml}, an invalid configuration makes
 * {@link #init} throw a {@link ServletException}: the servlet specification's way to fail the
 * deployment, with a message that names the key and the fix. Registered automatically by
 * {@link InteraktCaptureInitializer}, it logs the problem and stays inactive instead, so dropping
 * a jar in never stops an application from starting.
 *
 * <p>Declare it with {@code <async-supported>true</async-supported>}: an async servlet behind a
 * filter that is not async-supported cannot start async processing.
 */
public final class InteraktCaptureFilter implements Filter {
    private static final System.Logger LOG = System.getLogger(InteraktCaptureFilter.class.getName());

    private final boolean failFast;
    private volatile ServletCapture capture;

    /** The filter as declared in {@code web.xml} or registered by the application: fails fast on bad configuration. */
    public InteraktCaptureFilter() {
        this(true);
    }

    private InteraktCaptureFilter(boolean failFast) {
        this.failFast = failFast;
    }

    /** The filter the initializer registers: logs bad configuration and stays inactive. */
    static InteraktCaptureFilter autoRegistered() {
        return new InteraktCaptureFilter(false);
    }

    @Override
    public void init(FilterConfig filterConfig) throws ServletException {
        Map<String, String> overrides = FilterSettings.overrides(filterConfig);
        String app = filterConfig.getServletContext() == null ? "" : " in '" + filterConfig.getServletContext().getContextPath() + "'";
        CaptureConfig config;
        try {
            config = ConfigLoader.load(overrides);
        } catch (RuntimeException | LinkageError e) {
            // ConfigException's message names the key and the fix and never holds a secret.
            String message = "Interakt capture" + app + ": invalid configuration: " + e.getMessage();
            if (failFast) {
                throw new ServletException(message, e);
            }
            LOG.log(Level.ERROR, message + "; capture is disabled, the application runs without it");
            return;
        }
        if (!config.enabled() || config.rules().isEmpty()) {
            LOG.log(Level.INFO, "Interakt capture{0}: {1}, nothing will be captured", app,
                    config.enabled() ? "no capture rule configured" : "disabled (interakt.enabled=false)");
            return;
        }
        try {
            capture = new ServletCapture(CaptureEngine.start(config));
        } catch (RuntimeException | LinkageError e) {
            String message = "Interakt capture" + app + ": could not start: " + e;
            if (failFast) {
                throw new ServletException(message, e);
            }
            LOG.log(Level.ERROR, message + "; capture is disabled, the application runs without it");
            return;
        }
        LOG.log(Level.INFO, "Interakt capture{0}: {1} rule(s), {2}", app, config.rules().size(),
                config.delivery().dryRun() ? "dry-run (payloads are logged, not sent)" : "sending to " + config.delivery().baseUrl());
    }

    // The begin/chain/afterChain steps stay inline in each filter on purpose: a shared helper's frame
    // would show on the container's error pages (RealParsersScenarios compares them byte for byte).
    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        ServletCapture current = capture;
        RequestCapture rc = current == null ? null : current.begin(request, response);
        if (rc == null) {
            chain.doFilter(request, response);
            return;
        }
        boolean escaped = true;
        try {
            chain.doFilter(rc.request(), response);
            escaped = false;
        } finally {
            rc.afterChain(escaped);
        }
    }

    /** The servlet-side capture, or {@code null} while inactive; for tests and diagnostics. */
    ServletCapture capture() {
        return capture;
    }

    /** Stops intake and delivers what is queued (within the configured grace period). */
    @Override
    public void destroy() {
        ServletCapture current = capture;
        capture = null;
        if (current != null) {
            try {
                current.close();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Interakt capture: error while stopping: " + e, e);
            }
        }
    }
}
