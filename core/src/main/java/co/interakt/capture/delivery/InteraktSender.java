package co.interakt.capture.delivery;

import co.interakt.capture.config.ConfigKeys;
import co.interakt.capture.config.DeliverySettings;
import co.interakt.capture.config.Target;
import co.interakt.capture.delivery.spool.Spool;
import co.interakt.capture.delivery.spool.SpoolStatus;
import co.interakt.capture.delivery.spool.SpooledRecord;
import co.interakt.capture.payload.InteraktPayload;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.management.ObjectName;

/**
 * Delivers payloads to Interakt in the background: {@link #submit} only enqueues, a few worker
 * threads POST, failures are retried with backoff, {@link #close()} flushes within a grace period.
 *
 * <p><b>Why a classic (blocking) HttpClient with a small worker pool rather than the async
 * client:</b> signups are rare events, a couple of threads sending one request at a time keep up
 * with far more than any signup form produces (see docs/benchmarks.md), and blocking code makes
 * the retry, timeout and shutdown rules plain to read. The async client would add an I/O reactor
 * and callback plumbing for throughput nobody needs here.
 *
 * <p><b>Bounded memory:</b> at most {@code queueCapacity} payloads are accepted and unfinished at
 * any time, whether queued, in flight or waiting for a retry; beyond that {@code submit} drops the
 * newest one, counts it and logs a warning at most once a minute. A payload waiting to retry sits
 * in the same delay queue with its due time, so it holds no thread and never blocks the others.
 *
 * <p><b>At least once:</b> an attempt whose answer was lost (timeout, connection reset) is sent
 * again; Interakt upserts members and leads by email, so the duplicate is harmless.
 *
 * <p><b>With the spool</b> ({@code interakt.spool.dir}): {@code submit} encodes the payload and
 * appends it to the on-disk {@link Spool} before returning, and the bound that drops payloads is
 * the spool's size, not the queue's. The memory queue becomes a window onto the journal: a
 * payload goes straight into it while it has room and nothing older waits on disk; otherwise it
 * waits on disk and the spool thread moves it in, oldest first, as deliveries finish. So a large
 * backlog (an outage, or a restart) never takes more than {@code queueCapacity} payloads of heap.
 * A payload is acknowledged in the spool after a 2xx or a permanent refusal (4xx); retryable
 * failures are retried without an attempt limit, every {@code maxBackoff} at most, because
 * outlasting an outage is what the spool is for. What {@link #close()} cannot deliver stays on
 * disk and is sent by the next sender that opens the directory.
 *
 * <p><b>Global side effects, all documented:</b> {@link #start} starts the daemon threads
 * {@code interakt-capture-sender-1..N}, {@code interakt-capture-sender-timer} and, with the
 * spool, {@code interakt-capture-sender-spool} (backlog reads, batched fsync), and registers
 * the {@value JmxRegistration#OBJECT_NAME} MBean; {@link #close()} undoes both. No JVM shutdown
 * hook is added here: see {@link Sinks#closeOnJvmExit}.
 *
 * <p><b>Cheap start:</b> the agent starts a sender on the JVM's premain thread, before the
 * application, so {@link #start} does neither of the two costly steps there: the HTTP client
 * (default TLS setup) is built by the first worker that posts, and the MBean is registered on the
 * timer thread. Only a custom trust store is loaded at start, so that a bad one fails start-up.
 */
public final class InteraktSender implements PayloadSink {
    /** Two connections are plenty for signup traffic; see the class comment. */
    public static final int DEFAULT_WORKERS = 2;
    static final String THREAD_PREFIX = "interakt-capture-sender-";

    private static final System.Logger LOG = System.getLogger(InteraktSender.class.getName());
    private static final Duration WARNING_INTERVAL = Duration.ofMinutes(1);
    private static final Duration WORKER_EXIT_WAIT = Duration.ofSeconds(2);
    /** Backlog records moved from disk to memory per read: bounds one read, not the total. */
    private static final int FEED_BATCH = 256;
    private static final Duration FEED_RETRY = Duration.ofSeconds(1);

    private final DeliverySettings settings;
    private final Map<Target, URI> endpoints = new EnumMap<>(Target.class);
    private final RetryPolicy retryPolicy;
    private final DelayQueue<Delivery> queue = new DelayQueue<>();
    private final AtomicInteger pending = new AtomicInteger();
    private final Object drained = new Object();
    private final SenderCounters counters = new SenderCounters();
    private final RateLimitedLog dropWarning = new RateLimitedLog(LOG, System.Logger.Level.WARNING, WARNING_INTERVAL);
    private final RateLimitedLog failureWarning = new RateLimitedLog(LOG, System.Logger.Level.WARNING, WARNING_INTERVAL);
    private final RateLimitedLog spoolFullWarning = new RateLimitedLog(LOG, System.Logger.Level.WARNING, WARNING_INTERVAL);
    private final AtomicBoolean credentialWarned = new AtomicBoolean();
    private final ScheduledThreadPoolExecutor timer;
    private final InteraktHttp http;
    private final List<Thread> workers = new ArrayList<>();
    private final String[] secrets;
    private final ScheduledThreadPoolExecutor spoolThread; // null without a spool
    private final Spool spool; // null without a spool, or when its directory could not be used
    private final AtomicBoolean feedScheduled = new AtomicBoolean();
    private final JmxRegistration jmx = new JmxRegistration(new SenderJmx(this));

    private volatile boolean accepting = true;
    private volatile boolean stopping;
    private CloseReport closeReport;

    private InteraktSender(DeliverySettings settings, int workerCount) {
        if (settings.appId() == null || settings.apiKey() == null) {
            throw new IllegalArgumentException("the HTTP sender needs " + ConfigKeys.APP_ID.name() + " and "
                    + ConfigKeys.API_KEY.name() + "; use dry-run without them");
        }
        this.settings = settings;
        for (Target target : Target.values()) {
            endpoints.put(target, settings.endpoint(target));
        }
        this.retryPolicy = new RetryPolicy(settings.maxAttempts(), settings.initialBackoff(), settings.maxBackoff());
        this.secrets = new String[] {settings.apiKey().reveal(), BasicAuth.token(settings)};
        this.timer = new ScheduledThreadPoolExecutor(1, task -> daemon(task, THREAD_PREFIX + "timer"));
        timer.setRemoveOnCancelPolicy(true);
        this.http = new InteraktHttp(settings, workerCount, timer);
        for (int i = 1; i <= workerCount; i++) {
            workers.add(daemon(this::work, THREAD_PREFIX + i));
        }
        Spool opened = null;
        ScheduledThreadPoolExecutor spoolExecutor = null;
        if (settings.spool().enabled()) {
            spoolExecutor = new ScheduledThreadPoolExecutor(1, task -> daemon(task, THREAD_PREFIX + "spool"));
            spoolExecutor.setRemoveOnCancelPolicy(true);
            opened = Spool.open(settings.spool(), spoolExecutor); // null after a warning: memory only
            if (opened == null) {
                spoolExecutor.shutdownNow();
                spoolExecutor = null;
            }
        }
        this.spool = opened;
        this.spoolThread = spoolExecutor;
    }

    /** Starts a sender with {@value #DEFAULT_WORKERS} workers: threads running, MBean registered soon after. */
    public static InteraktSender start(DeliverySettings settings) {
        return start(settings, DEFAULT_WORKERS);
    }

    /** Starts a sender with {@code workers} threads (and as many pooled connections). */
    public static InteraktSender start(DeliverySettings settings, int workers) {
        int count = Math.max(1, workers);
        InteraktSender sender = new InteraktSender(settings, count);
        sender.workers.forEach(Thread::start);
        // Off the caller's thread: the platform MBean server's first use loads ~150 classes, and the
        // agent starts us on its premain thread (see JmxRegistration). close() may win the race.
        sender.timer.execute(sender.jmx::register);
        LOG.log(System.Logger.Level.INFO, "Interakt capture sending to {0} as app id ''{1}'' ({2} workers, queue capacity {3}, {4}, {5})",
                settings.baseUrl(), settings.appId(), count, settings.queueCapacity(),
                sender.spool == null ? "no spool" : "spool " + sender.spool.dir(), UserAgent.VALUE);
        sender.feedSoon(); // a backlog left by an earlier run
        return sender;
    }

    private static Thread daemon(Runnable task, String name) {
        Thread t = new Thread(task, name);
        t.setDaemon(true);
        return t;
    }

    // ---- intake (request threads) -------------------------------------------------------------

    /**
     * Enqueues (and with the spool, journals) and returns at once; {@code false} when dropped
     * (queue or spool full, or closed). Never throws.
     */
    @Override
    public boolean submit(InteraktPayload payload) {
        try {
            if (payload == null) {
                return false;
            }
            if (!accepting) {
                counters.dropped();
                LOG.log(System.Logger.Level.DEBUG, "Interakt sender closed: payload dropped");
                return false;
            }
            return spool == null ? submitInMemory(payload) : submitToSpool(payload);
        } catch (RuntimeException | Error e) {
            return false;
        }
    }

    private boolean submitInMemory(InteraktPayload payload) {
        if (!reserveSlot()) {
            counters.dropped();
            dropWarning.record(n -> "Interakt capture queue full (" + settings.queueCapacity() + " pending): dropped "
                    + n + " payload(s) since the last warning. Interakt is slow or unreachable; "
                    + "see the last error in the metrics, or raise " + ConfigKeys.QUEUE_CAPACITY.name());
            return false;
        }
        queue.offer(new Delivery(payload));
        counters.submitted();
        return true;
    }

    /** Encodes on the caller's thread (the spool keeps the exact bytes), then a local append: no network. */
    private boolean submitToSpool(InteraktPayload payload) {
        byte[] json;
        try {
            json = payload.toJson();
        } catch (RuntimeException e) {
            counters.submitted();
            report("invalid-payload", "payload could not be encoded as JSON: " + e);
            return true; // accepted and failed, as without the spool
        }
        Spool.Appended appended = spool.append(payload.target(), json, this::reserveSlot);
        switch (appended.outcome()) {
            case IN_MEMORY -> {
                queue.offer(new Delivery(appended.record()));
                counters.submitted();
                return true;
            }
            case BACKLOG -> {
                counters.submitted();
                feedSoon();
                return true;
            }
            case FULL -> {
                counters.dropped();
                spoolFullWarning.record(n -> "Interakt capture spool full (" + settings.spool().maxBytes() + " bytes in "
                        + spool.dir() + "): dropped " + n + " payload(s) since the last warning. Interakt is slow or "
                        + "unreachable; see the last error in the metrics, or raise " + ConfigKeys.SPOOL_MAX_BYTES.name());
                return false;
            }
            default -> {
                return submitInMemory(payload); // the spool logged why it could not take it
            }
        }
    }

    /** Takes one of the {@code queueCapacity} memory slots, if one is free. */
    private boolean reserveSlot() {
        if (pending.incrementAndGet() > settings.queueCapacity()) {
            pending.decrementAndGet();
            return false;
        }
        return true;
    }

    // ---- spool backlog (spool thread) ---------------------------------------------------------

    /** Asks the spool thread to move waiting records into free memory slots; coalesces requests. */
    private void feedSoon() {
        if (spool != null && !stopping && feedScheduled.compareAndSet(false, true)) {
            try {
                spoolThread.execute(this::feed);
            } catch (RejectedExecutionException closing) {
                feedScheduled.set(false);
            }
        }
    }

    private void feed() {
        feedScheduled.set(false); // from here on, a new request schedules another run
        try {
            while (!stopping) {
                int slots = 0;
                while (slots < FEED_BATCH && reserveSlot()) {
                    slots++;
                }
                if (slots == 0) {
                    return; // memory full: finish() asks again when a delivery ends
                }
                List<SpooledRecord> records = spool.takeBacklog(slots);
                release(slots - records.size());
                records.forEach(r -> queue.offer(new Delivery(r)));
                if (records.size() < slots) {
                    if (spool.hasBacklog()) { // the read failed (logged by the spool): try again later
                        spoolThread.schedule(this::feedSoon, FEED_RETRY.toMillis(), TimeUnit.MILLISECONDS);
                    }
                    return;
                }
            }
        } catch (RuntimeException | Error e) {
            LOG.log(System.Logger.Level.DEBUG, "Interakt spool backlog read failed: {0}", e.toString());
        }
    }

    // ---- workers ------------------------------------------------------------------------------

    private void work() {
        while (!stopping) {
            Delivery delivery;
            try {
                delivery = queue.take();
            } catch (InterruptedException e) {
                continue; // close() interrupts to make us look at `stopping`
            }
            if (stopping) {
                return; // taken just as close() gave up: stays pending, counted in the report
            }
            try {
                attempt(delivery);
            } catch (RuntimeException | Error e) {
                if (stopping) {
                    return; // close() aborted the request under us: stays pending, counted in the report
                }
                giveUp(delivery, "internal-error", "unexpected " + e);
            }
        }
    }

    private void attempt(Delivery delivery) {
        byte[] body;
        try {
            body = delivery.body();
        } catch (RuntimeException e) {
            giveUp(delivery, "invalid-payload", "payload could not be encoded as JSON: " + e);
            return;
        }
        URI endpoint = endpoints.get(delivery.target());
        InteraktHttp.Attempt attempt = http.post(endpoint, body);
        delivery.attempted();
        if (attempt.delivered()) {
            counters.sent();
            finish(delivery, true);
            return;
        }
        boolean spooled = delivery.spooled() != null;
        String problem = describe(attempt, endpoint, delivery.attempts(), spooled);
        if (stopping) {
            return; // aborted by close(): stays pending, counted in the close report
        }
        if (attempt.error() == null && !RetryPolicy.retryableStatus(attempt.status())) {
            String reason = "http-" + attempt.status();
            if (attempt.status() == 401 || attempt.status() == 403) {
                warnCredentialsOnce(attempt.status());
                if (spooled) { // the key is wrong, not the payload: a restart with the right key delivers it
                    report(reason, problem + "; kept in the spool for the next start");
                    finish(delivery, false);
                    return;
                }
            }
            giveUp(delivery, reason, problem);
            return;
        }
        if (!spooled && !retryPolicy.attemptsLeft(delivery.attempts())) {
            giveUp(delivery, "retries-exhausted", problem);
            return;
        }
        Duration delay = retryPolicy.delayAfter(delivery.attempts(), attempt.retryAfter(), Instant.now());
        counters.lastError(spooled ? problem + "; kept in the spool, retried until delivered" : problem);
        counters.retried();
        if (LOG.isLoggable(System.Logger.Level.DEBUG)) {
            LOG.log(System.Logger.Level.DEBUG, "{0}; retrying in {1} ms", problem, delay.toMillis());
        }
        delivery.retryAfter(delay);
        queue.offer(delivery);
    }

    private String describe(InteraktHttp.Attempt attempt, URI endpoint, int attempts, boolean spooled) {
        String what = attempt.error() != null
                ? attempt.error().toString()
                : "HTTP " + attempt.status() + (attempt.detail() == null || attempt.detail().isEmpty() ? "" : " " + attempt.detail());
        String of = spooled ? "" : " of " + retryPolicy.maxAttempts(); // spooled: no attempt limit
        return redact("POST " + endpoint + " failed (attempt " + attempts + of + "): " + what);
    }

    private void warnCredentialsOnce(int status) {
        if (credentialWarned.compareAndSet(false, true)) {
            LOG.log(System.Logger.Level.WARNING, "Interakt refused the credentials (HTTP {0}) for app id ''{1}'': check "
                    + "{2} and {3} (environment {4} / {5}). Until then every payload fails, without retries{6}.",
                    status, settings.appId(), ConfigKeys.APP_ID.name(), ConfigKeys.API_KEY.name(),
                    ConfigKeys.APP_ID.envName(), ConfigKeys.API_KEY.envName(),
                    spool == null ? "" : "; the spool keeps them for a restart with the right key");
        }
    }

    /** A definitive failure: counted, logged, and (with the spool) acknowledged so it is not replayed forever. */
    private void giveUp(Delivery delivery, String reason, String problem) {
        report(reason, problem);
        finish(delivery, true);
    }

    private void report(String reason, String problem) {
        // Log before counting, so whoever waits on the counters also sees the log line.
        failureWarning.record(n -> "Interakt delivery gave up on " + n + " payload(s) since the last warning; latest: "
                + problem + " [" + reason + "]");
        counters.lastError(problem);
        counters.failed(reason);
    }

    /**
     * Done with it in this run: retire it from the spool (unless {@code acknowledge} is false: it
     * then waits on disk for the next start), free its memory slot, refill from the backlog.
     */
    private void finish(Delivery delivery, boolean acknowledge) {
        if (acknowledge && delivery.spooled() != null) {
            spool.acknowledge(delivery.spooled());
        }
        release(1);
        if (spool != null && spool.hasBacklog()) {
            feedSoon();
        }
    }

    private void release(int slots) {
        if (slots > 0 && pending.addAndGet(-slots) == 0) {
            synchronized (drained) {
                drained.notifyAll();
            }
        }
    }

    /** Masks the key (and the Basic token built from it) wherever a message could echo it. */
    private String redact(String message) {
        String out = message;
        for (String secret : secrets) {
            out = out.replace(secret, "****");
        }
        return out;
    }

    // ---- metrics ------------------------------------------------------------------------------

    public SenderMetrics metrics() {
        return counters.snapshot(pending::get, settings.queueCapacity());
    }

    /** The spool's state; empty without a spool (not configured, or its directory was not usable). */
    public Optional<SpoolStatus> spoolStatus() {
        return spool == null ? Optional.empty() : Optional.of(spool.status());
    }

    /**
     * The JMX name this sender's metrics are registered under, or {@code null}: registration runs on
     * the sender's timer thread shortly after {@link #start}, or failed (JMX unavailable).
     */
    public ObjectName mbeanName() {
        return jmx.name();
    }

    /** Whether the HTTP client was built yet: that happens on the first payload, not at start. */
    boolean httpClientCreated() {
        return http.clientCreated();
    }

    DeliverySettings settings() {
        return settings;
    }

    // ---- shutdown -----------------------------------------------------------------------------

    /** Stops intake and delivers what is pending within the grace period; see {@link #shutdown()}. */
    @Override
    public void close() {
        shutdown();
    }

    /**
     * Stops intake, keeps delivering for up to {@code shutdownGrace}, then stops the threads and
     * reports what was left. Idempotent (later calls return the first report) and safe from a JVM
     * shutdown hook. With the spool, the counts include what waits on disk, and what is left stays
     * there for the next start.
     */
    public synchronized CloseReport shutdown() {
        if (closeReport != null) {
            return closeReport;
        }
        long started = System.nanoTime();
        accepting = false;
        int pendingAtClose = unfinished();
        awaitDrained(started + settings.shutdownGrace().toNanos());

        stopping = true;
        http.abortInFlight();
        workers.forEach(Thread::interrupt);
        joinWorkers();
        http.close();
        timer.shutdownNow();
        awaitExit(timer);
        if (spool != null) {
            spoolThread.shutdownNow();
            awaitExit(spoolThread);
            spool.close();
        }
        jmx.unregister();
        int left = unfinished();
        queue.clear();

        closeReport = new CloseReport(pendingAtClose, left, Duration.ofNanos(System.nanoTime() - started));
        if (spool != null && left > 0) {
            LOG.log(System.Logger.Level.INFO, "Interakt sender closed: {0} of {1} pending payload(s) kept in the spool {2} "
                    + "for the next start", left, pendingAtClose, spool.dir());
        } else if (left == 0) {
            LOG.log(System.Logger.Level.INFO, "Interakt sender closed: {0} pending payload(s) delivered or failed in {1} ms",
                    pendingAtClose, closeReport.took().toMillis());
        } else {
            LOG.log(System.Logger.Level.WARNING, "Interakt sender closed after the {0} ms grace period: {1} of {2} pending "
                            + "payload(s) not delivered (raise {3} to wait longer)",
                    settings.shutdownGrace().toMillis(), left, pendingAtClose, ConfigKeys.SHUTDOWN_GRACE.name());
        }
        return closeReport;
    }

    /** Accepted and not finished: in memory, plus (with the spool) waiting on disk. */
    private int unfinished() {
        return spool == null ? pending.get() : (int) Math.min(Integer.MAX_VALUE, spool.status().outstanding());
    }

    private void awaitDrained(long deadlineNanos) {
        synchronized (drained) {
            while (pending.get() > 0 || (spool != null && spool.hasBacklog())) {
                long left = deadlineNanos - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                try {
                    drained.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private static void awaitExit(ScheduledThreadPoolExecutor executor) {
        try {
            executor.awaitTermination(WORKER_EXIT_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void joinWorkers() {
        long deadline = System.nanoTime() + WORKER_EXIT_WAIT.toNanos();
        for (Thread worker : workers) {
            long left = deadline - System.nanoTime();
            if (left <= 0 || worker == Thread.currentThread()) {
                continue;
            }
            try {
                worker.join(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
