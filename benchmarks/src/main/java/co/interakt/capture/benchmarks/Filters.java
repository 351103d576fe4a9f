package co.interakt.capture.benchmarks;

import co.interakt.capture.benchmarks.servlet.InProcessRequest;
import co.interakt.capture.benchmarks.servlet.InProcessResponse;
import co.interakt.capture.benchmarks.servlet.StubFilterConfig;
import co.interakt.capture.config.ConfigLoader;
import co.interakt.capture.delivery.PayloadSink;
import co.interakt.capture.engine.CaptureEngine;
import co.interakt.capture.filter.InteraktCaptureFilter;
import co.interakt.capture.servlet.ServletCapture;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import java.lang.reflect.Field;
import java.util.Map;

/** The real {@link InteraktCaptureFilter}, set up for a benchmark, and the checks run before measuring. */
final class Filters {
    private Filters() {
    }

    /**
     * The filter with default settings (rule {@code signup}: {@code POST /signup} and friends) and
     * the given sink in place of the HTTP sender. The filter has no constructor taking an engine,
     * so the engine goes into its private field: {@code doFilter} is untouched and is what runs.
     */
    static InteraktCaptureFilter withSink(PayloadSink sink) {
        CaptureEngine engine = new CaptureEngine(new ConfigLoader().load(), sink);
        InteraktCaptureFilter filter = new InteraktCaptureFilter();
        try {
            Field capture = InteraktCaptureFilter.class.getDeclaredField("capture");
            capture.setAccessible(true);
            capture.set(filter, new ServletCapture(engine));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("InteraktCaptureFilter has no 'capture' field any more: update the benchmark", e);
        }
        return filter;
    }

    /** The filter as a {@code web.xml} declares it, initialised with these init-params (real engine and sink). */
    static InteraktCaptureFilter initialised(Map<String, String> initParameters) throws ServletException {
        InteraktCaptureFilter filter = new InteraktCaptureFilter();
        filter.init(new StubFilterConfig(initParameters));
        return filter;
    }

    /** One signup through the filter; fails unless it was captured (a broken path must not pass for a fast one). */
    static void checkCaptures(InteraktCaptureFilter filter, FilterChain app, CountingSink sink) throws Exception {
        long before = sink.submitted();
        filter.doFilter(InProcessRequest.post(SignupForm.PATH, SignupForm.CONTENT_TYPE, SignupForm.BODY), new InProcessResponse(), app);
        if (sink.submitted() != before + 1 || !SignupForm.EMAIL.equals(sink.last().email())) {
            throw new IllegalStateException("the filter did not capture the signup; fix the in-process servlet objects");
        }
        if (sink.last().toString().contains("correct") || sink.last().customFields().containsKey("password")) {
            throw new IllegalStateException("the password was captured");
        }
    }

    /** One non-signup request through the filter; fails if it was captured or wrapped. */
    static void checkIgnores(InteraktCaptureFilter filter, FilterChain app, CountingSink sink) throws Exception {
        long before = sink.submitted();
        InProcessRequest request = InProcessRequest.get("/hello");
        filter.doFilter(request, new InProcessResponse(), (req, res) -> {
            if (req != request) {
                throw new IllegalStateException("a non-matching request was wrapped");
            }
            app.doFilter(req, res);
        });
        if (sink.submitted() != before || request.getAttribute(CaptureEngine.HANDLED_ATTRIBUTE) != null) {
            throw new IllegalStateException("a non-matching request was captured");
        }
    }
}
