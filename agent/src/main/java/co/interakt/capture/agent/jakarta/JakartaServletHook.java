package co.interakt.capture.agent.jakarta;

import co.interakt.capture.agent.ServletHook;
import co.interakt.capture.engine.CaptureEngine;
import co.interakt.capture.servlet.RequestCapture;
import co.interakt.capture.servlet.ServletCapture;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;

/**
 * The Jakarta servlet layer behind {@link ServletHook}: the same {@link ServletCapture} the filter
 * uses, on the agent's single engine. Defined by a bridge class loader whose parent sees the
 * application's {@code jakarta.servlet} classes, never by the agent's own loader.
 */
public final class JakartaServletHook implements ServletHook {
    private final ServletCapture capture;

    public JakartaServletHook(CaptureEngine engine) {
        this.capture = new ServletCapture(engine);
    }

    @Override
    public ActiveCapture begin(Object request, Object response) {
        RequestCapture rc = capture.begin((ServletRequest) request, (ServletResponse) response);
        return rc == null ? null : new Active(rc);
    }

    private record Active(RequestCapture rc) implements ActiveCapture {
        @Override
        public Object request() {
            return rc.request();
        }

        @Override
        public void end(Throwable thrown) {
            rc.afterChain(thrown != null);
        }
    }
}
