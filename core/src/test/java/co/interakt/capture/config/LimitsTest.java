package co.interakt.capture.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The key table's range text and the binder's bounds come from the same {@link Limits}. */
class LimitsTest {

    @Test
    void rangesReadAsTheKeyTableWritesThem() {
        assertEquals("at most 16MiB", Limits.size(1, 16 * 1024 * 1024).describe());
        assertEquals("64KiB to 1024MiB", Limits.size(64 * 1024, 1024 * 1024 * 1024).describe());
        assertEquals("at most 1000000", Limits.count(1_000_000).describe());
        assertEquals("1500", Limits.size(1, 2048).show(1500));
    }

    @Test
    void everyBoundedKeyStatesItsRangeInItsDescription() {
        for (ConfigKey key : ConfigKeys.all()) {
            if (key.limits() != null) {
                assertTrue(key.description().endsWith("(" + key.limits().describe() + ")."), key.description());
            }
        }
    }
}
