package co.interakt.capture.benchmarks;

import co.interakt.capture.benchmarks.servlet.InProcessRequest;
import co.interakt.capture.benchmarks.servlet.InProcessResponse;
import co.interakt.capture.filter.InteraktCaptureFilter;
import jakarta.servlet.FilterChain;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the filter adds on the request thread to a matching signup (a 1 KiB urlencoded
 * {@code POST /signup} answered 201): recording the body, extracting and mapping the fields, and
 * handing the payload to the sink. The sink here only counts ({@link CountingSink}), so the
 * number is the request thread's own work; {@link SignupWithSenderBenchmark} adds the real
 * sender's enqueue. {@code appReads} is how the application consumes the form.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@State(Scope.Thread)
public class SignupRequestBenchmark {
    @Param({"PARAMETERS", "STREAM", "UNREAD"})
    public Apps.SignupReads appReads;

    private FilterChain app;
    private InteraktCaptureFilter filter;
    private CountingSink sink;

    @Setup
    public void setUp() throws Exception {
        app = appReads.chain;
        sink = new CountingSink();
        filter = Filters.withSink(sink);
        Filters.checkCaptures(filter, app, sink);
    }

    @TearDown
    public void tearDown() {
        filter.destroy();
    }

    @Benchmark
    public Object noFilter() throws Exception {
        InProcessRequest request = signup();
        app.doFilter(request, new InProcessResponse());
        return request;
    }

    @Benchmark
    public Object filter() throws Exception {
        InProcessRequest request = signup();
        filter.doFilter(request, new InProcessResponse(), app);
        return request;
    }

    private static InProcessRequest signup() {
        return InProcessRequest.post(SignupForm.PATH, SignupForm.CONTENT_TYPE, SignupForm.BODY);
    }
}
