package co.interakt.capture.spring;

import co.interakt.capture.delivery.SenderMetrics;
import co.interakt.capture.engine.CaptureMetrics;
import co.interakt.capture.extract.SkipReasons;
import co.interakt.capture.payload.PayloadMapper;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;

/**
 * The capture's counters as Micrometer meters, read from the engine's and the sender's own
 * counters when the registry is scraped (nothing is counted twice):
 * <ul>
 *   <li>{@code interakt.capture.signups} (counter) tags {@code result} = captured | skipped | error,
 *       {@code reason} = the skip reason ({@code none} when captured, {@code internal} for an error);</li>
 *   <li>{@code interakt.delivery} (counter) tag {@code outcome} = sent | retried | dropped | failed | dry-run;</li>
 *   <li>{@code interakt.delivery.queue.depth}, {@code interakt.delivery.queue.capacity},
 *       {@code interakt.delivery.spool.outstanding} and {@code interakt.delivery.spool.size} (bytes) gauges.</li>
 * </ul>
 * Every skip reason the code declares has its meter from the start (at 0); a reason first seen
 * later gets one after the request that produced it.
 */
final class CaptureMeters implements MeterBinder {
    static final String SIGNUPS = "interakt.capture.signups";
    static final String DELIVERY = "interakt.delivery";

    private final InteraktCapture capture;
    private final List<MeterRegistry> registries = new CopyOnWriteArrayList<>();
    private final Set<String> reasons = java.util.concurrent.ConcurrentHashMap.newKeySet();

    CaptureMeters(InteraktCapture capture) {
        this.capture = capture;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        registries.add(registry);
        signup(registry, "captured", "none", c -> c.captureCounts().captured());
        signup(registry, "error", "internal", c -> c.captureCounts().internalErrors());
        for (String reason : declaredReasons()) {
            skipReason(registry, reason);
        }
        delivery(registry, "sent", m -> m.sent());
        delivery(registry, "retried", m -> m.retried());
        delivery(registry, "dropped", m -> m.dropped());
        delivery(registry, "failed", m -> m.failed());
        FunctionCounter.builder(DELIVERY, capture, c -> c.dryRunLogged())
                .tag("outcome", "dry-run").description("Payloads logged instead of sent (interakt.dry-run)").register(registry);
        gauge(registry, "interakt.delivery.queue.depth", "Payloads accepted and not yet finished (queued, in flight or waiting to retry)",
                null, c -> c.delivery().map(SenderMetrics::queueDepth).orElse(0));
        gauge(registry, "interakt.delivery.queue.capacity", "Bound of the queue (interakt.queue-capacity)",
                null, c -> c.config().delivery().queueCapacity());
        gauge(registry, "interakt.delivery.spool.outstanding", "Payloads journalled in the spool and not yet acknowledged",
                null, c -> c.spool().map(s -> s.outstanding()).orElse(0L));
        gauge(registry, "interakt.delivery.spool.size", "Bytes the spool's files occupy (bound: interakt.spool.max-bytes)",
                "bytes", c -> c.spool().map(s -> s.usedBytes()).orElse(0L));
        capture.afterCapture(this::registerNewReasons);
    }

    /** Registers a counter for each skip reason seen that has none yet. */
    void registerNewReasons() {
        for (String reason : capture.captureCounts().skipped().keySet()) {
            if (!reasons.contains(reason)) {
                for (MeterRegistry registry : registries) {
                    skipReason(registry, reason);
                }
            }
        }
    }

    private void skipReason(MeterRegistry registry, String reason) {
        reasons.add(reason);
        signup(registry, "skipped", reason, c -> c.captureCounts().skipped(reason));
    }

    private void signup(MeterRegistry registry, String result, String reason, ToLongFunction<InteraktCapture> count) {
        FunctionCounter.builder(SIGNUPS, capture, c -> count.applyAsLong(c))
                .tag("result", result).tag("reason", reason)
                .description("Requests that matched a capture rule, by what became of them")
                .register(registry);
    }

    private void delivery(MeterRegistry registry, String outcome, ToLongFunction<SenderMetrics> count) {
        FunctionCounter.builder(DELIVERY, capture, c -> c.delivery().map(count::applyAsLong).orElse(0L))
                .tag("outcome", outcome).description("Payloads by delivery outcome")
                .register(registry);
    }

    private void gauge(MeterRegistry registry, String name, String description, String unit, ToDoubleFunction<InteraktCapture> value) {
        Gauge.Builder<InteraktCapture> builder = Gauge.builder(name, capture, c -> value.applyAsDouble(c)).description(description);
        if (unit != null) {
            builder.baseUnit(unit);
        }
        builder.register(registry);
    }

    /** The public String constants naming skip reasons, read from the classes that declare them. */
    static Set<String> declaredReasons() {
        Set<String> found = new LinkedHashSet<>();
        for (Class<?> type : List.of(SkipReasons.class, PayloadMapper.class, CaptureMetrics.class)) {
            for (Field field : type.getFields()) {
                int modifiers = field.getModifiers();
                if (Modifier.isStatic(modifiers) && Modifier.isFinal(modifiers) && field.getType() == String.class) {
                    try {
                        String value = (String) field.get(null);
                        if (value != null && value.matches("[a-z0-9-]+")) {
                            found.add(value);
                        }
                    } catch (IllegalAccessException e) {
                        // Not readable: it appears once seen.
                    }
                }
            }
        }
        return found;
    }
}
