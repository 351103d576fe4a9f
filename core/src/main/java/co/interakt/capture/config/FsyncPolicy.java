package co.interakt.capture.config;

import java.util.Locale;

/**
 * When the durable spool asks the operating system to put appended payloads on the disk itself
 * ({@code fsync}), trading the cost of {@code submit} against what a power loss can take.
 * A crash of the JVM alone (kill -9, OutOfMemoryError) loses nothing under any policy: an
 * appended record is in the kernel's page cache the moment {@code submit} returns.
 */
public enum FsyncPolicy {
    /** Before every {@code submit} returns: nothing is lost to a power cut, each submit waits for the disk. */
    ALWAYS("always"),
    /** Every {@code interakt.spool.fsync-interval} in the background: a power cut loses at most that interval. */
    BATCH("batch"),
    /** Never asked for: the kernel writes back on its own schedule (about 30 s on Linux). */
    OS("os");

    private final String value;

    FsyncPolicy(String value) {
        this.value = value;
    }

    /** The configuration value, e.g. {@code batch}. */
    public String value() {
        return value;
    }

    /** Parses {@code always}, {@code batch} or {@code os}, case-insensitively; throws with the valid choices otherwise. */
    public static FsyncPolicy parse(String key, String value) {
        String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        for (FsyncPolicy p : values()) {
            if (p.value.equals(v)) {
                return p;
            }
        }
        throw new ConfigException(key, "unknown fsync policy '" + value + "'", "use 'always', 'batch' or 'os'");
    }
}
