package co.interakt.capture.config;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The optional on-disk spool: where accepted payloads are journalled until Interakt acknowledges
 * them, so they survive a restart or an outage longer than the in-memory queue can hold.
 *
 * @param dir           the spool directory; {@code null} = no spool, payloads live in memory only
 * @param maxBytes      bound of the spool's files on disk; the newest payload is dropped when full
 * @param fsync         when appends are forced to the disk
 * @param fsyncInterval the period of {@link FsyncPolicy#BATCH}
 */
public record SpoolSettings(Path dir, long maxBytes, FsyncPolicy fsync, Duration fsyncInterval) {

    public static final long DEFAULT_MAX_BYTES = 256L * 1024 * 1024;
    public static final Duration DEFAULT_FSYNC_INTERVAL = Duration.ofSeconds(1);
    /** No spool: what a configuration without {@code interakt.spool.dir} gets. */
    public static final SpoolSettings OFF = new SpoolSettings(null, DEFAULT_MAX_BYTES, FsyncPolicy.BATCH, DEFAULT_FSYNC_INTERVAL);

    /** A spool in {@code dir} with the default bound and fsync policy. */
    public static SpoolSettings in(Path dir) {
        return new SpoolSettings(dir, DEFAULT_MAX_BYTES, FsyncPolicy.BATCH, DEFAULT_FSYNC_INTERVAL);
    }

    public boolean enabled() {
        return dir != null;
    }

    public SpoolSettings withMaxBytes(long bytes) {
        return new SpoolSettings(dir, bytes, fsync, fsyncInterval);
    }

    public SpoolSettings withFsync(FsyncPolicy policy, Duration interval) {
        return new SpoolSettings(dir, maxBytes, policy, interval);
    }
}
