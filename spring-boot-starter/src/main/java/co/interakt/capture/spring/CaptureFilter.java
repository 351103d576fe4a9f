package co.interakt.capture.spring;

import co.interakt.capture.servlet.RequestCapture;
import co.interakt.capture.servlet.ServletCapture;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import java.io.IOException;

/**
 * The capture filter as the starter registers it: the same servlet-side capture as
 * {@code InteraktCaptureFilter}, but its engine belongs to the Spring context ({@link InteraktCapture}),
 * not to the filter's init/destroy, so it follows the context's lifecycle and configuration.
 */
public final class CaptureFilter implements Filter {
    private final InteraktCapture capture;

    CaptureFilter(InteraktCapture capture) {
        this.capture = capture;
    }

    // The begin/chain/afterChain steps stay inline in each filter on purpose: a shared helper's frame
    // would show on the container's error pages (RealParsersScenarios compares them byte for byte).
    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        ServletCapture current = capture.current();
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
            capture.captureDone();
        }
    }
}
