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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the filter adds to a request that matches no rule ({@code GET /hello} with the default
 * {@code signup} rule): {@link #filter} minus {@link #noFilter}. Both create the same in-process
 * request and response and run the same application code; the request is returned so that
 * neither side can have its allocation optimised away.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@State(Scope.Thread)
public class NonMatchingRequestBenchmark {
    private final FilterChain app = Apps.HELLO;
    private InteraktCaptureFilter filter;

    @Setup
    public void setUp() throws Exception {
        CountingSink sink = new CountingSink();
        filter = Filters.withSink(sink);
        Filters.checkIgnores(filter, app, sink);
        Filters.checkCaptures(filter, Apps.SignupReads.PARAMETERS.chain, sink); // the rule is live
    }

    @TearDown
    public void tearDown() {
        filter.destroy();
    }

    @Benchmark
    public Object noFilter() throws Exception {
        InProcessRequest request = InProcessRequest.get("/hello");
        app.doFilter(request, new InProcessResponse());
        return request;
    }

    @Benchmark
    public Object filter() throws Exception {
        InProcessRequest request = InProcessRequest.get("/hello");
        filter.doFilter(request, new InProcessResponse(), app);
        return request;
    }
}
