package co.interakt.capture.payload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class NameCacheTest {

    @Test
    void computesOnceAndAnswersFromTheCacheAfter() {
        AtomicInteger computed = new AtomicInteger();
        NameCache<String> cache = new NameCache<>(4, 16, name -> {
            computed.incrementAndGet();
            return name.toUpperCase();
        });
        String first = cache.get("email");
        assertEquals("EMAIL", first);
        assertSame(first, cache.get(new String("email")));
        assertEquals(1, computed.get());
    }

    @Test
    void neverHoldsMoreThanItsCapAndStillAnswersPastIt() {
        AtomicInteger computed = new AtomicInteger();
        NameCache<String> cache = new NameCache<>(3, 16, name -> {
            computed.incrementAndGet();
            return "v:" + name;
        });
        for (int i = 0; i < 10_000; i++) {
            assertEquals("v:n" + i, cache.get("n" + i));
        }
        assertEquals(3, cache.size());
        // Names cached before it filled keep being answered from it; later ones are computed each time.
        computed.set(0);
        assertEquals("v:n0", cache.get("n0"));
        assertEquals("v:n9999", cache.get("n9999"));
        assertEquals(1, computed.get());
    }

    @Test
    void longNamesAreComputedButNotKept() {
        NameCache<Integer> cache = new NameCache<>(10, 8, String::length);
        assertEquals(9, cache.get("123456789"));
        assertEquals(8, cache.get("12345678"));
        assertEquals(1, cache.size());
    }

    @Test
    void concurrentFillsStayWithinTheCap() throws InterruptedException {
        NameCache<String> cache = new NameCache<>(100, 32, name -> name);
        Thread[] threads = new Thread[4];
        for (int t = 0; t < threads.length; t++) {
            int offset = t;
            threads[t] = new Thread(() -> {
                for (int i = 0; i < 5_000; i++) {
                    cache.get("t" + offset + "-" + i);
                }
            });
            threads[t].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertEquals(100, cache.size());
    }
}
