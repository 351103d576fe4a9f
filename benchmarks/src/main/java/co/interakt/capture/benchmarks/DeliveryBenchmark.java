package co.interakt.capture.benchmarks;

import static co.interakt.capture.benchmarks.BenchmarkArgs.intArg;

import co.interakt.capture.config.DeliverySettings;
import co.interakt.capture.config.Secret;
import co.interakt.capture.config.Target;
import co.interakt.capture.delivery.InteraktSender;
import co.interakt.capture.delivery.SenderMetrics;
import co.interakt.capture.payload.InteraktPayload;
import co.interakt.capture.sandbox.InteraktSandbox;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;

/**
 * Sustained deliveries per second to a loopback sandbox: our {@link InteraktSender} (submit
 * everything, wait until all are answered) against a bare Apache HttpClient 5 loop posting the
 * same payloads (encoded the same way) from the same number of threads. The ratio says what the
 * queue, retry bookkeeping and metrics cost; the server is the same for both.
 *
 * <p>Not a test: run it with {@code benchmarks/run-delivery.sh [--payloads N] [--workers W] [--rounds R] [--warmup R]}.
 * Rounds alternate the two contenders after unreported warm-up rounds; the median round is reported.
 */
public final class DeliveryBenchmark {
    private static final String APP_ID = "bench-app";
    private static final String API_KEY = "bench-key";

    private DeliveryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int payloadCount = intArg(args, "--payloads", 20_000);
        int workers = intArg(args, "--workers", InteraktSender.DEFAULT_WORKERS);
        int rounds = intArg(args, "--rounds", 5);
        List<InteraktPayload> payloads = SignupPayloads.of(payloadCount);
        int warmUpRounds = intArg(args, "--warmup", 2);

        try (InteraktSandbox sandbox = new InteraktSandbox(APP_ID, API_KEY).start(0)) {
            DeliverySettings settings = settings(sandbox.baseUrl(), payloadCount);
            System.out.printf("Delivery benchmark: %d payloads per round, %d thread(s), %d warm-up + %d measured round(s), sandbox %s%n",
                    payloadCount, workers, warmUpRounds, rounds, sandbox.baseUrl());
            for (int r = 0; r < warmUpRounds; r++) { // until the JIT has settled; not reported
                sandbox.clear();
                viaSender(settings, workers, payloads);
                sandbox.clear();
                viaBareClient(settings, workers, payloads);
            }

            double[] sender = new double[rounds];
            double[] bare = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                sandbox.clear();
                sender[r] = viaSender(settings, workers, payloads);
                sandbox.clear();
                bare[r] = viaBareClient(settings, workers, payloads);
                System.out.printf("round %d: sender %,.0f/s   bare HttpClient 5 %,.0f/s%n", r + 1, sender[r], bare[r]);
            }
            double senderMedian = median(sender);
            double bareMedian = median(bare);
            System.out.printf("median:  sender %,.0f/s   bare HttpClient 5 %,.0f/s   ratio sender/bare %.2f%n",
                    senderMedian, bareMedian, senderMedian / bareMedian);
        }
    }

    /** Submits everything at once (the queue holds it all), then waits until every payload is answered. */
    private static double viaSender(DeliverySettings settings, int workers, List<InteraktPayload> payloads) {
        InteraktSender sender = InteraktSender.start(settings, workers);
        try {
            long start = System.nanoTime();
            for (InteraktPayload p : payloads) {
                if (!sender.submit(p)) {
                    throw new IllegalStateException("dropped: the queue must hold a whole round");
                }
            }
            SenderMetrics m = sender.metrics();
            while (m.sent() + m.failed() < payloads.size()) {
                LockSupport.parkNanos(2_000_000); // coarse on purpose: polling must not steal CPU from the workers
                m = sender.metrics();
            }
            long elapsed = System.nanoTime() - start;
            if (m.failed() > 0) {
                throw new IllegalStateException("failures during the benchmark: " + m);
            }
            return payloads.size() / (elapsed / 1e9);
        } finally {
            sender.close();
        }
    }

    /** The same POSTs from plain threads sharing one pooled client: the floor the sender is measured against. */
    private static double viaBareClient(DeliverySettings settings, int workers, List<InteraktPayload> payloads)
            throws Exception {
        String authorization = "Basic " + Base64.getEncoder().encodeToString(
                (APP_ID + ":" + API_KEY).getBytes(StandardCharsets.UTF_8));
        Map<Target, URI> endpoints = Map.of(Target.MEMBERS, settings.endpoint(Target.MEMBERS),
                Target.LEADS, settings.endpoint(Target.LEADS));
        ContentType json = ContentType.create("application/json");
        AtomicInteger next = new AtomicInteger();
        AtomicLong failures = new AtomicLong();
        try (CloseableHttpClient client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(workers).setMaxConnPerRoute(workers).build())
                .build()) {
            List<Thread> threads = new ArrayList<>();
            long start = System.nanoTime();
            for (int w = 0; w < workers; w++) {
                Thread t = new Thread(() -> {
                    for (int i = next.getAndIncrement(); i < payloads.size(); i = next.getAndIncrement()) {
                        InteraktPayload p = payloads.get(i);
                        HttpPost post = new HttpPost(endpoints.get(p.target()));
                        post.setHeader(HttpHeaders.AUTHORIZATION, authorization);
                        post.setEntity(new ByteArrayEntity(p.toJson(), json));
                        try {
                            int status = client.execute(post, response -> {
                                try (InputStream in = response.getEntity().getContent()) {
                                    in.readAllBytes();
                                }
                                return response.getCode();
                            });
                            if (status != 200) {
                                failures.incrementAndGet();
                            }
                        } catch (IOException e) {
                            failures.incrementAndGet();
                        }
                    }
                }, "bare-client-" + w);
                threads.add(t);
                t.start();
            }
            for (Thread t : threads) {
                t.join();
            }
            long elapsed = System.nanoTime() - start;
            if (failures.get() > 0) {
                throw new IllegalStateException(failures.get() + " failures in the bare loop");
            }
            return payloads.size() / (elapsed / 1e9);
        }
    }

    private static DeliverySettings settings(String baseUrl, int capacity) {
        return new DeliverySettings(URI.create(baseUrl), APP_ID, Secret.ofNullable(API_KEY), false, capacity, 3,
                Duration.ofMillis(50), Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5),
                Duration.ofSeconds(10), Duration.ofSeconds(30), null, null);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
