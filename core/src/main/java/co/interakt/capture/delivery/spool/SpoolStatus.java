package co.interakt.capture.delivery.spool;

import co.interakt.capture.config.FsyncPolicy;
import java.nio.file.Path;

/**
 * A snapshot of the spool.
 *
 * @param dir         the spool directory
 * @param usedBytes   what its files occupy (or have reserved for acknowledgements)
 * @param maxBytes    the bound of {@code usedBytes}
 * @param outstanding payloads journalled and not yet acknowledged (in memory or waiting on disk)
 * @param fsync       the fsync policy
 * @param syncs       fsync calls made so far
 */
public record SpoolStatus(Path dir, long usedBytes, long maxBytes, long outstanding, FsyncPolicy fsync, long syncs) {
}
