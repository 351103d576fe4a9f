package co.interakt.capture.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The {@code interakt.spool.*} keys: off by default, parsed, and refused with the key and the fix. */
class SpoolConfigTest {
    @TempDir
    Path dir;

    private static SpoolSettings load(Map<String, String> overrides) {
        return new ConfigLoader().overrides(overrides).load().delivery().spool();
    }

    @Test
    void offByDefaultWithDocumentedDefaults() {
        SpoolSettings spool = load(Map.of());
        assertFalse(spool.enabled());
        assertNull(spool.dir());
        assertEquals(256L * 1024 * 1024, spool.maxBytes());
        assertEquals(FsyncPolicy.BATCH, spool.fsync());
        assertEquals(Duration.ofSeconds(1), spool.fsyncInterval());
    }

    @Test
    void aDirectoryTurnsItOnAndNeedNotExistYet() {
        Path missing = dir.resolve("not-yet/spool");
        SpoolSettings spool = load(Map.of("interakt.spool.dir", missing.toString(), "interakt.spool.max-bytes", "64KiB",
                "interakt.spool.fsync", "ALWAYS", "interakt.spool.fsync-interval", "250ms"));
        assertTrue(spool.enabled());
        assertEquals(missing, spool.dir());
        assertFalse(Files.exists(missing), "binding has no side effects: the sender creates it");
        assertEquals(65536, spool.maxBytes());
        assertEquals(FsyncPolicy.ALWAYS, spool.fsync());
        assertEquals(Duration.ofMillis(250), spool.fsyncInterval());
    }

    @Test
    void aRelativeDirectoryIsMadeAbsolute() {
        assertTrue(load(Map.of("interakt.spool.dir", "relative/spool")).dir().isAbsolute());
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "interakt.spool.fsync          | sometimes | use 'always', 'batch' or 'os'",
            "interakt.spool.max-bytes      | 256       | use a size with its unit, e.g. 256MiB",
            "interakt.spool.max-bytes      | 2048MiB   | between 1 and 1073741824 bytes",
            "interakt.spool.max-bytes      | lots      | use bytes, or a size like 64KiB",
            "interakt.spool.fsync-interval | 0         | it must be above 0",
    })
    void invalidValuesNameTheKeyAndTheFix(String key, String value, String fix) {
        ConfigException e = assertThrows(ConfigException.class, () -> load(Map.of(key, value)));
        assertEquals(key, e.key());
        assertTrue(e.getMessage().contains(fix), e.getMessage());
    }

    @Test
    void aFileIsNotADirectory() throws IOException {
        Path file = Files.writeString(dir.resolve("spool"), "x");
        ConfigException e = assertThrows(ConfigException.class, () -> load(Map.of("interakt.spool.dir", file.toString())));
        assertEquals("interakt.spool.dir", e.key());
        assertTrue(e.getMessage().contains("is not a directory"), e.getMessage());
    }

    @Test
    void settingsBuiltWithoutASpoolHaveNone() {
        DeliverySettings d = new DeliverySettings(DeliverySettings.DEFAULT_BASE_URL, null, null, true, 1, 1,
                Duration.ofMillis(1), Duration.ofMillis(1), Duration.ofMillis(1), Duration.ofMillis(1), Duration.ofMillis(1),
                Duration.ZERO, null, null);
        assertEquals(SpoolSettings.OFF, d.spool());
        assertEquals(dir, d.withSpool(SpoolSettings.in(dir)).spool().dir());
    }
}
