package co.interakt.capture.delivery.spool;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Exclusive use of a spool directory: an OS file lock on {@value #FILE_NAME}, held while the spool
 * is open and released by the OS when the process dies (so kill -9 leaves nothing to clean up).
 *
 * <p>Why more than {@code tryLock}: on Linux the lock is a POSIX record lock, which the kernel
 * drops when the process closes <em>any</em> descriptor of the file, even one that never held
 * the lock (checked on JDK 17). A second sender in the same JVM that opened the file, failed to
 * lock it and closed it would silently unlock the first one's directory for other processes.
 * So directories locked by this copy of the class are refused without touching the file, and a
 * channel refused by {@link OverlappingFileLockException} (another class loader's copy, e.g. a
 * second webapp) is kept open, never closed: one descriptor per refusal, which is rare.
 */
final class SpoolLock implements AutoCloseable {
    static final String FILE_NAME = "spool.lock";

    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();
    private static final List<FileChannel> REFUSED_KEPT_OPEN = new CopyOnWriteArrayList<>();

    private final Path dir;
    private final FileChannel channel;
    private final FileLock lock;

    private SpoolLock(Path dir, FileChannel channel, FileLock lock) {
        this.dir = dir;
        this.channel = channel;
        this.lock = lock;
    }

    /** The lock of {@code dir}, or {@code null} when another sender (here or in another process) holds it. */
    static SpoolLock tryAcquire(Path dir) throws IOException {
        Path key = dir.toRealPath();
        if (!HELD.add(key)) {
            return null;
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(key.resolve(FILE_NAME), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock != null) {
                return new SpoolLock(key, channel, lock);
            }
            channel.close(); // held by another process: closing our descriptor cannot release their lock
        } catch (OverlappingFileLockException heldInThisJvm) {
            REFUSED_KEPT_OPEN.add(channel);
        } catch (IOException | RuntimeException e) {
            if (channel != null) {
                channel.close();
            }
            HELD.remove(key);
            throw e;
        }
        HELD.remove(key);
        return null;
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            // the process exit releases it anyway
        } finally {
            HELD.remove(dir);
        }
    }
}
