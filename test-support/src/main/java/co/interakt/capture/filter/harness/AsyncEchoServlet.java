package co.interakt.capture.filter.harness;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * An async servlet: starts async, and only on another thread, once {@link OuterMarkerFilter} says
 * the initial dispatch has gone back through every filter, reads the body (as {@link EchoServlet}
 * does), sets the status and completes. A capture decided when the chain returned would see no
 * body and a default 200; only one decided on completion sees the real thing.
 */
public class AsyncEchoServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) {
        CountDownLatch dispatchReturned = new CountDownLatch(1);
        req.setAttribute(OuterMarkerFilter.DISPATCH_RETURNED, dispatchReturned);
        AsyncContext async = req.startAsync();
        async.setTimeout(30_000);
        async.start(() -> {
            try {
                if (!dispatchReturned.await(20, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the initial dispatch never returned");
                }
                byte[] read = EchoServlet.read(req);
                String status = req.getHeader("X-Status");
                resp.setStatus(status == null ? EchoServlet.defaultStatus(req) : Integer.parseInt(status));
                resp.setContentType("application/octet-stream");
                resp.getOutputStream().write(read);
            } catch (Exception e) {
                resp.setStatus(500);
            } finally {
                async.complete();
            }
        });
    }
}
