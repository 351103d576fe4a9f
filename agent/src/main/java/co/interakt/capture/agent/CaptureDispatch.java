package co.interakt.capture.agent;

import co.interakt.capture.agent.bootstrap.Dispatcher;
import co.interakt.capture.engine.Failures;
import java.lang.System.Logger.Level;
import java.util.concurrent.atomic.AtomicBoolean;

/** The agent behind the bootstrap {@link Dispatcher}: finds the request's hook and drives its capture. */
final class CaptureDispatch implements Dispatcher.Delegate {
    private static final System.Logger LOG = System.getLogger(CaptureDispatch.class.getName());

    /** Its own name, so the start-up breakdown can be switched on alone (FINE). */
    private static final System.Logger STARTUP_LOG = System.getLogger(TransformerStats.class.getName());

    private final ServletHooks hooks;
    private final AtomicBoolean firstRequest = new AtomicBoolean(true);
    private volatile TransformerStats transformerStats;

    CaptureDispatch(ServletHooks hooks) {
        this.hooks = hooks;
    }

    /** The transformer's figures, logged at DEBUG when the first request comes: start-up is then over. */
    void reportAtFirstRequest(TransformerStats stats) {
        this.transformerStats = stats;
    }

    @Override
    public Object begin(Object request, Object response) {
        if (firstRequest.get() && firstRequest.compareAndSet(true, false)) {
            startupOver();
        }
        try {
            ServletHook hook = request == null ? null : hooks.forRequest(request);
            return hook == null ? null : hook.begin(request, response);
        } catch (Throwable t) {
            failed("begin", t);
            return null;
        }
    }

    @Override
    public Object request(Object handle) {
        return ((ServletHook.ActiveCapture) handle).request();
    }

    @Override
    public void end(Object handle, Throwable thrown) {
        try {
            ((ServletHook.ActiveCapture) handle).end(thrown);
        } catch (Throwable t) {
            failed("end", t);
        }
    }

    private void startupOver() {
        TransformerStats stats = transformerStats;
        if (stats != null) {
            STARTUP_LOG.log(Level.DEBUG, () -> "Interakt capture: at the first request, class transformer: " + stats.summary());
        }
    }

    private static void failed(String stage, Throwable t) {
        // Debug only: a broken capture must not flood the application's log. The type and where it
        // was thrown, never the message (it could quote a request value).
        LOG.log(Level.DEBUG, () -> "Interakt capture failed at " + stage
                + ", request not captured (the application is not affected): " + Failures.describe(t));
    }
}
