package co.interakt.capture.benchmarks;

import co.interakt.capture.benchmarks.servlet.InProcessRequest;
import co.interakt.capture.benchmarks.servlet.InProcessResponse;
import co.interakt.capture.filter.InteraktCaptureFilter;
import co.interakt.capture.sandbox.InteraktSandbox;
import jakarta.servlet.FilterChain;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The matching signup again, now with the filter initialised as a {@code web.xml} declares it:
 * the real {@code InteraktSender} enqueues each payload and its two worker threads deliver it to
 * a loopback sandbox in the same JVM, on the same cores, while the request thread goes on.
 *
 * <p>Why batches: under a steady loop the request thread outruns delivery (~15,000/s here), the
 * bounded queue fills and every later submit is a cheap drop, which would flatter the number.
 * So each measured iteration is one batch of {@value #BATCH} signups (well under the queue's
 * 10,000), timed as a whole; before the next one the queue is left to drain (not timed), and
 * after each one the benchmark fails if anything was dropped.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 40)
@Measurement(iterations = 40)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@State(Scope.Thread)
public class SignupWithSenderBenchmark {
    static final int BATCH = 1000;
    private static final Duration DRAIN_LIMIT = Duration.ofSeconds(30);

    private final FilterChain app = Apps.SignupReads.PARAMETERS.chain;
    private InteraktSandbox sandbox;
    private InteraktCaptureFilter filter;
    private final MBeanServer mbeans = ManagementFactory.getPlatformMBeanServer();
    private ObjectName sender;

    @Setup(Level.Trial)
    public void start() throws Exception {
        sandbox = new InteraktSandbox("bench-app", "bench-key").start(0);
        filter = Filters.initialised(Map.of(
                "interakt.app-id", "bench-app",
                "interakt.api-key", "bench-key",
                "interakt.base-url", sandbox.baseUrl()));
        sender = new ObjectName("co.interakt.capture:type=Sender");
        // The filter captured and the sandbox accepted it: the path measured is the real one.
        filter.doFilter(signup(), new InProcessResponse(), app);
        if (!sandbox.awaitAccepted(1, Duration.ofSeconds(10)) || !sandbox.members().get(0).body().contains(SignupForm.EMAIL)) {
            throw new IllegalStateException("the signup did not reach the sandbox");
        }
        // The sender registers its MBean on its own timer thread, off the start-up path.
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!mbeans.isRegistered(sender)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the sender's MBean " + sender + " was never registered");
            }
            Thread.sleep(2);
        }
    }

    /** Not timed: the previous batch is delivered, so each batch starts on an empty queue. */
    @Setup(Level.Iteration)
    public void drained() throws Exception {
        long deadline = System.nanoTime() + DRAIN_LIMIT.toNanos();
        while (((Number) mbeans.getAttribute(sender, "QueueDepth")).intValue() > 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the sender did not drain within " + DRAIN_LIMIT);
            }
            Thread.sleep(2);
        }
    }

    @TearDown(Level.Iteration)
    public void nothingDropped() throws Exception {
        long dropped = ((Number) mbeans.getAttribute(sender, "Dropped")).longValue();
        if (dropped > 0) {
            throw new IllegalStateException(dropped + " payload(s) dropped: the batch no longer measures the enqueue");
        }
    }

    @TearDown(Level.Trial)
    public void stop() throws Exception {
        drained();
        System.out.printf("%nsender: submitted %s, sent %s, dropped %s, failed %s; sandbox accepted %d%n",
                mbeans.getAttribute(sender, "Submitted"), mbeans.getAttribute(sender, "Sent"),
                mbeans.getAttribute(sender, "Dropped"), mbeans.getAttribute(sender, "Failed"), sandbox.acceptedCount());
        filter.destroy();
        sandbox.close();
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void noFilter(Blackhole blackhole) throws Exception {
        for (int i = 0; i < BATCH; i++) {
            InProcessRequest request = signup();
            app.doFilter(request, new InProcessResponse());
            blackhole.consume(request);
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void filter(Blackhole blackhole) throws Exception {
        for (int i = 0; i < BATCH; i++) {
            InProcessRequest request = signup();
            filter.doFilter(request, new InProcessResponse(), app);
            blackhole.consume(request);
        }
    }

    private static InProcessRequest signup() {
        return InProcessRequest.post(SignupForm.PATH, SignupForm.CONTENT_TYPE, SignupForm.BODY);
    }
}
