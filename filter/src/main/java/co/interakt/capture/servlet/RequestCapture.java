package co.interakt.capture.servlet;

import co.interakt.capture.config.CaptureRule;
import co.interakt.capture.engine.MatchedRequest;
import co.interakt.capture.extract.CapturedRequest;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * One matching request: holds the caching wrapper the application sees, and after the
 * application answered (when the chain returns, or when its async cycle completes) hands it to
 * the engine, which decides on the status. Never throws into the caller.
 */
public final class RequestCapture {
    private final ServletCapture owner;
    private final CaptureRule rule;
    private final String path;
    private final BodyCachingRequest request;
    private final HttpServletResponse response;

    RequestCapture(ServletCapture owner, CaptureRule rule, String path, BodyCachingRequest request, HttpServletResponse response) {
        this.owner = owner;
        this.rule = rule;
        this.path = path;
        this.request = request;
        this.response = response;
    }

    /** The request to pass down the chain instead of the original. */
    public HttpServletRequest request() {
        return request;
    }

    /**
     * Call once when the chain returned or threw. With an exception nothing is captured; with an
     * async cycle started, the decision waits for its completion.
     */
    public void afterChain(boolean exceptionEscaped) {
        if (exceptionEscaped) {
            return;
        }
        try {
            if (request.isAsyncStarted()) {
                request.getAsyncContext().addListener(new CompletionListener());
            } else {
                finish(true);
            }
        } catch (Throwable t) {
            owner.failed("after-chain", t);
        }
    }

    /**
     * Hands the request to the engine, which decides on the status (and counts a failure as
     * {@code status-not-success}) before it asks for the snapshot.
     */
    private void finish(boolean mayReadRemainder) {
        owner.engine().capture(rule, new MatchedRequest(request.getMethod(), path, request.contentTypeHeader(), response.getStatus()),
                () -> snapshot(mayReadRemainder));
    }

    /**
     * Taking what the application left unread (what has arrived of it, never waiting) is done
     * only on the request thread right after the chain: after an async completion the request is
     * about to be recycled.
     */
    private CapturedRequest snapshot(boolean mayReadRemainder) {
        if (mayReadRemainder) {
            request.readRemainder(); // only what has arrived; a failed read is the snapshot's skip reason
        }
        return RequestSnapshot.of(request, rule, path, owner.maxBodyBytes());
    }

    /** Waits for the end of the async cycle; an error on the way cancels the capture. */
    private final class CompletionListener implements AsyncListener {
        private volatile boolean failed;

        @Override
        public void onComplete(AsyncEvent event) {
            try {
                if (!failed) {
                    finish(false);
                }
            } catch (Throwable t) {
                owner.failed("async-complete", t);
            }
        }

        @Override
        public void onError(AsyncEvent event) {
            failed = true;
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            // Not a failure by itself: the application may answer the timeout; the status decides.
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
            // A new async cycle drops the listeners of the previous one: stay registered until the last.
            event.getAsyncContext().addListener(this);
        }
    }
}
