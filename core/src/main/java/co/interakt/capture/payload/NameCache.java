package co.interakt.capture.payload;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Remembers what was worked out for a field name, because signups repeat the same few dozen names
 * and working them out (deny-list words, dotted and lower-case forms) is most of the mapping cost.
 * Names come from the request, so from anyone: the cache never holds more than {@code maxEntries}
 * names nor a name longer than {@code maxNameLength}. Once full it stays as it is and further
 * names are computed each time, which is what every name cost before; no eviction, so a flood of
 * random names cannot push the real ones out either. Thread-safe; {@code compute} must be pure.
 */
final class NameCache<V> {
    private final int maxEntries;
    private final int maxNameLength;
    private final Function<String, V> compute;
    private final ConcurrentHashMap<String, V> entries = new ConcurrentHashMap<>();
    // Slots handed out, never given back: an exact bound even when threads race to add names.
    private final AtomicInteger reserved = new AtomicInteger();

    NameCache(int maxEntries, int maxNameLength, Function<String, V> compute) {
        this.maxEntries = maxEntries;
        this.maxNameLength = maxNameLength;
        this.compute = compute;
    }

    V get(String name) {
        V cached = entries.get(name);
        if (cached != null) {
            return cached;
        }
        V value = compute.apply(name);
        if (name.length() <= maxNameLength && reserved.get() < maxEntries && reserved.incrementAndGet() <= maxEntries) {
            entries.putIfAbsent(name, value);
        }
        return value;
    }

    int size() {
        return entries.size();
    }
}
