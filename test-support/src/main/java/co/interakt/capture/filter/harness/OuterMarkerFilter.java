package co.interakt.capture.filter.harness;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import java.io.IOException;
import java.util.concurrent.CountDownLatch;

/** Registered outermost: tells an async servlet that the initial dispatch has returned through all filters. */
public class OuterMarkerFilter implements Filter {
    static final String DISPATCH_RETURNED = "test.dispatch-returned";

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        try {
            chain.doFilter(request, response);
        } finally {
            if (request.getAttribute(DISPATCH_RETURNED) instanceof CountDownLatch latch) {
                latch.countDown();
            }
        }
    }
}
