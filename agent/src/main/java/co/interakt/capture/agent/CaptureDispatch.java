package co.interakt.capture.agent;

import co.interakt.capture.agent.bootstrap.Dispatcher;
import co.interakt.capture.engine.Failures;
import java.lang.System.Logger.Level;

/** The agent behind the bootstrap {@link Dispatcher}: finds the request's hook and drives its capture. */
final class CaptureDispatch implements Dispatcher.Delegate {
    private static final System.Logger LOG = System.getLogger(CaptureDispatch.class.getName());

    private final ServletHooks hooks;

    CaptureDispatch(ServletHooks hooks) {
        this.hooks = hooks;
    }

    @Override
    public Object begin(Object request, Object response) {
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

    private static void failed(String stage, Throwable t) {
        // Debug only: a broken capture must not flood the application's log. The type and where it
        // was thrown, never the message (it could quote a request value).
        LOG.log(Level.DEBUG, () -> "Interakt capture failed at " + stage
                + ", request not captured (the application is not affected): " + Failures.describe(t));
    }
}
