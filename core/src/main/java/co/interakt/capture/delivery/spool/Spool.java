package co.interakt.capture.delivery.spool;

import static co.interakt.capture.delivery.spool.RecordFormat.ACK_ENTRY_BYTES;
import static co.interakt.capture.delivery.spool.RecordFormat.SEGMENT_HEADER_BYTES;

import co.interakt.capture.config.ConfigKeys;
import co.interakt.capture.config.FsyncPolicy;
import co.interakt.capture.config.SpoolSettings;
import co.interakt.capture.config.Target;
import co.interakt.capture.delivery.RateLimitedLog;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * A durable journal of payloads not yet accepted by Interakt: appended before {@code submit}
 * returns, acknowledged after a 2xx (or a permanent refusal), replayed in order after a restart.
 *
 * <p><b>Files.</b> Records go to append-only segment files ({@code segment-<id>.log}, format in
 * {@link RecordFormat}); a segment rotates at about a sixteenth of {@code max-bytes} (at most
 * 16 MiB). Acknowledgements go to a small file beside each segment ({@code .acks}, 8 bytes per
 * record); a segment and its acks are deleted as soon as every record in it is acknowledged.
 * Segments left by an earlier run are never appended to: each start writes a new segment, so a
 * torn tail (crash mid-write) is only ever read, found by its length and checksum, skipped with
 * a warning, and removed with the segment.
 *
 * <p><b>Memory.</b> The spool does not load the journal: the sender's memory queue takes records
 * through {@link #append} while it has room and nothing older waits on disk; otherwise records
 * wait on disk and {@link #takeBacklog} hands them over, oldest first, as the queue frees up. A
 * read cursor marks the first record not yet handed over.
 *
 * <p><b>Threads.</b> Every method is safe from any thread, except that {@link #takeBacklog} must
 * have one caller at a time (the sender's spool thread). One lock guards the state; appends hold
 * it for a local write (and, under {@link FsyncPolicy#ALWAYS}, an fsync); backlog reads and batch
 * fsyncs happen outside it. Nothing here throws: I/O problems are logged (rate-limited) and turn
 * into {@link Outcome#FAILED}, an acknowledgement kept only in memory, or a skipped fsync.
 */
public final class Spool implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Spool.class.getName());
    private static final long MIN_SEGMENT_BYTES = 4 * 1024;
    private static final long MAX_SEGMENT_BYTES = 16 * 1024 * 1024;

    /** What became of an appended payload. */
    public enum Outcome {
        /** Journalled, and the caller got a memory slot: it must queue {@link Appended#record()} now. */
        IN_MEMORY,
        /** Journalled; it waits on disk until {@link #takeBacklog} hands it over. */
        BACKLOG,
        /** Not journalled: the spool is at {@code max-bytes}. */
        FULL,
        /** Not journalled: an I/O error (logged) or the spool is closed. */
        FAILED
    }

    /** @param record the journalled payload; {@code null} for {@link Outcome#FULL} and {@link Outcome#FAILED} */
    public record Appended(Outcome outcome, SpooledRecord record) {
    }

    /** A place in the journal: a segment, a byte offset in it, and the index of the record there. */
    private record Position(long segment, long offset, int index) {
    }

    private final SpoolSettings settings;
    private final Path dir;
    private final long segmentBytes;
    private final SpoolLock fileLock;
    private final ReentrantLock lock = new ReentrantLock();
    private final TreeMap<Long, Segment> segments = new TreeMap<>();
    private final Set<Segment> unsynced = new LinkedHashSet<>();
    private final LongAdder syncs = new LongAdder();
    private final RateLimitedLog problems = new RateLimitedLog(LOG, System.Logger.Level.WARNING, Duration.ofMinutes(1));
    private Segment active;
    private long nextId = 1;
    private Position cursor;
    private long usedBytes;
    private long outstanding;
    private boolean directoryUnsynced;
    private boolean closed;
    private ScheduledFuture<?> syncTask;

    private Spool(SpoolSettings settings, SpoolLock fileLock) {
        this.settings = settings;
        this.dir = settings.dir();
        this.segmentBytes = Math.max(MIN_SEGMENT_BYTES, Math.min(MAX_SEGMENT_BYTES, settings.maxBytes() / 16));
        this.fileLock = fileLock;
    }

    /**
     * Opens the spool in {@code settings.dir()} (created if missing), reading what an earlier run
     * left; under {@link FsyncPolicy#BATCH} schedules the periodic fsync on {@code background}.
     * Returns {@code null}, after a warning, when the directory is unusable or another sender
     * holds it: the caller then keeps payloads in memory only. Never throws.
     */
    public static Spool open(SpoolSettings settings, ScheduledExecutorService background) {
        Path dir = settings.dir();
        SpoolLock fileLock;
        try {
            Files.createDirectories(dir);
            fileLock = SpoolLock.tryAcquire(dir);
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Interakt spool disabled: {0} ({1}) is not usable: {2}. Payloads are kept "
                    + "in memory only.", dir, ConfigKeys.SPOOL_DIR.name(), e.toString());
            return null;
        }
        if (fileLock == null) {
            LOG.log(System.Logger.Level.WARNING, "Interakt spool disabled: {0} is in use by another sender (in this JVM or "
                    + "another process). This sender keeps payloads in memory only; give each JVM its own {1}.",
                    dir, ConfigKeys.SPOOL_DIR.name());
            return null;
        }
        Spool spool = new Spool(settings, fileLock);
        try {
            spool.recover();
        } catch (IOException | RuntimeException e) {
            spool.closeFiles();
            LOG.log(System.Logger.Level.WARNING, "Interakt spool disabled: reading {0} failed: {1}. Payloads are kept in "
                    + "memory only; the files there are left untouched.", dir, e.toString());
            return null;
        }
        if (settings.fsync() == FsyncPolicy.BATCH) {
            long every = Math.max(1, settings.fsyncInterval().toMillis());
            spool.syncTask = background.scheduleWithFixedDelay(spool::sync, every, every, TimeUnit.MILLISECONDS);
        }
        SpoolStatus status = spool.status();
        LOG.log(System.Logger.Level.INFO, "Interakt spool in {0}: {1} payload(s) from an earlier run to deliver, {2} of {3} "
                + "bytes used, fsync {4}", dir, status.outstanding(), status.usedBytes(), status.maxBytes(),
                settings.fsync().value());
        return spool;
    }

    // ---- start-up ------------------------------------------------------------------------------

    private void recover() throws IOException {
        List<Long> ids = new ArrayList<>();
        List<Long> ackIds = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.map(p -> p.getFileName().toString()).forEach(name -> {
                long id = Segment.idOf(name);
                if (id >= 0) {
                    ids.add(id);
                }
                long ackId = Segment.ackIdOf(name);
                if (ackId >= 0) {
                    ackIds.add(ackId);
                }
            });
        }
        ids.sort(null);
        for (long id : ids) {
            recover(id);
            nextId = Math.max(nextId, id + 1);
        }
        for (long ackId : ackIds) { // acks whose segment is gone: a crash between the two deletes
            if (!segments.containsKey(ackId) && !ids.contains(ackId)) {
                Files.deleteIfExists(dir.resolve(Segment.logName(ackId) + ".acks"));
            }
            nextId = Math.max(nextId, ackId + 1);
        }
        cursor = new Position(segments.isEmpty() ? nextId : segments.firstKey(), SEGMENT_HEADER_BYTES, 0);
    }

    private void recover(long id) throws IOException {
        Segment.Recovery found = Segment.recover(dir, id);
        Path file = dir.resolve(Segment.logName(id));
        if (found.segment() == null) {
            if (found.fileBytes() < SEGMENT_HEADER_BYTES) { // created, then the process died before the header landed
                Files.deleteIfExists(file);
            } else {
                LOG.log(System.Logger.Level.WARNING, "Interakt spool: {0} is {1}; left alone and not replayed",
                        file, found.unreadable());
            }
            return;
        }
        Segment segment = found.segment();
        if (found.damage() != null) {
            LOG.log(System.Logger.Level.WARNING, "Interakt spool: {0} is damaged at byte {1} ({2}): skipped the last {3} "
                    + "byte(s), kept the {4} record(s) before them. A crash in the middle of a write leaves this.",
                    file, String.valueOf(found.damagedAt()), found.damage(), found.fileBytes() - found.damagedAt(),
                    segment.records());
        }
        if (segment.fullyAcknowledged()) {
            segment.delete();
            return;
        }
        segments.put(id, segment);
        usedBytes += segment.diskBytes();
        outstanding += segment.unacknowledged();
    }

    // ---- intake --------------------------------------------------------------------------------

    /**
     * Journals one payload. {@code reserveMemorySlot} is asked (under the spool's lock, so it must
     * be quick) only when nothing older waits on disk; when it grants a slot the record skips the
     * disk backlog and the caller queues it at once ({@link Outcome#IN_MEMORY}). Never throws.
     */
    public Appended append(Target target, byte[] json, BooleanSupplier reserveMemorySlot) {
        byte[] record;
        try {
            record = RecordFormat.encode(target, json);
        } catch (RuntimeException e) {
            return new Appended(Outcome.FAILED, null);
        }
        long cost = record.length + ACK_ENTRY_BYTES;
        lock.lock();
        try {
            if (closed) {
                return new Appended(Outcome.FAILED, null);
            }
            boolean nothingOlderOnDisk = !backlogLocked();
            Segment segment = writableSegment(cost);
            if (segment == null) {
                return new Appended(Outcome.FULL, null);
            }
            long before = segment.diskBytes();
            int index = segment.append(record);
            usedBytes += segment.diskBytes() - before;
            outstanding++;
            unsynced.add(segment);
            if (settings.fsync() == FsyncPolicy.ALWAYS) {
                syncLocked();
            }
            SpooledRecord appended = new SpooledRecord(target, json, segment, index);
            if (nothingOlderOnDisk && reserveMemorySlot.getAsBoolean()) {
                cursor = new Position(segment.id(), segment.end(), index + 1);
                return new Appended(Outcome.IN_MEMORY, appended);
            }
            return new Appended(Outcome.BACKLOG, appended);
        } catch (IOException | RuntimeException e) {
            problem("appending to " + dir + " failed: " + e + "; the payload is kept in memory only");
            return new Appended(Outcome.FAILED, null);
        } finally {
            lock.unlock();
        }
    }

    /** The segment to append {@code cost} bytes to, rotating when the current one is full; {@code null} when the spool is full. */
    private Segment writableSegment(long cost) throws IOException {
        if (active != null && (!active.writable() || active.end() >= segmentBytes)) {
            Segment full = active;
            active = null;
            full.seal();
            deleteIfDone(full);
        }
        long header = active == null ? SEGMENT_HEADER_BYTES : 0;
        if (usedBytes + header + cost > settings.maxBytes()) {
            return null;
        }
        if (active == null) {
            active = Segment.create(dir, nextId++);
            segments.put(active.id(), active);
            usedBytes += active.diskBytes();
            directoryUnsynced = true; // the new file's name must reach the disk too
        }
        return active;
    }

    // ---- backlog -------------------------------------------------------------------------------

    /** Whether records wait on disk that no memory slot has taken yet. */
    public boolean hasBacklog() {
        lock.lock();
        try {
            return !closed && backlogLocked();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Hands over up to {@code max} unacknowledged records from the disk backlog, oldest first, and
     * moves the read cursor past them. One caller at a time. The reads happen outside the lock:
     * while a backlog exists appends never move the cursor, so it is this caller's alone.
     */
    public List<SpooledRecord> takeBacklog(int max) {
        List<SpooledRecord> taken = new ArrayList<>();
        while (taken.size() < max) {
            Segment segment;
            Position from;
            long end;
            lock.lock();
            try {
                segment = closed ? null : cursorSegment();
                if (segment == null || cursor.offset() >= segment.end()) {
                    return taken;
                }
                from = cursor;
                end = segment.end();
            } finally {
                lock.unlock();
            }
            List<SpooledRecord> read = new ArrayList<>();
            Position at = from;
            String damage = null;
            try {
                while (taken.size() + read.size() < max && at.offset() < end) {
                    RecordFormat.Read r = segment.read(at.offset(), end);
                    if (!r.ok()) {
                        damage = r.damage();
                        break;
                    }
                    read.add(new SpooledRecord(r.target(), r.json(), segment, at.index()));
                    at = new Position(at.segment(), r.next(), at.index() + 1);
                }
            } catch (IOException | RuntimeException e) {
                if (!hasBeenClosed()) {
                    problem("reading " + segment.logFile() + " failed: " + e + "; retried later");
                }
                return taken;
            }
            lock.lock();
            try {
                if (closed) {
                    return taken;
                }
                for (SpooledRecord r : read) {
                    if (!segment.acknowledged(r.index())) { // acknowledged in an earlier run
                        taken.add(r);
                    }
                }
                cursor = at;
                if (damage != null) {
                    cutDamaged(segment, at, damage);
                }
            } finally {
                lock.unlock();
            }
        }
        return taken;
    }

    /** Damage found while reading a segment that start-up (or this run) had read fine: the disk changed under us. */
    private void cutDamaged(Segment segment, Position at, String damage) {
        long before = segment.diskBytes();
        long lost = segment.cutAt(at.offset(), at.index());
        usedBytes += segment.diskBytes() - before; // fewer records: less room reserved for their acks
        outstanding -= lost;
        LOG.log(System.Logger.Level.WARNING, "Interakt spool: {0} is damaged at byte {1} ({2}); {3} record(s) after it "
                + "cannot be read and are skipped", segment.logFile(), String.valueOf(at.offset()), damage, lost);
        if (segment == active) {
            active = null;
        }
        deleteIfDone(segment);
    }

    private boolean backlogLocked() {
        Segment segment = cursorSegment();
        return segment != null && cursor.offset() < segment.end();
    }

    /** The segment under the cursor, moving the cursor past segments read to their end; {@code null} when none. */
    private Segment cursorSegment() {
        while (true) {
            Map.Entry<Long, Segment> entry = segments.ceilingEntry(cursor.segment());
            if (entry == null) {
                return null;
            }
            Segment segment = entry.getValue();
            if (segment.id() != cursor.segment()) { // the cursor's segment was deleted
                cursor = new Position(segment.id(), SEGMENT_HEADER_BYTES, 0);
            }
            Map.Entry<Long, Segment> next = segments.higherEntry(segment.id());
            if (cursor.offset() < segment.end() || segment.writable() || next == null) {
                return segment;
            }
            cursor = new Position(next.getKey(), SEGMENT_HEADER_BYTES, 0);
        }
    }

    // ---- acknowledgement -----------------------------------------------------------------------

    /** Retires a record: Interakt accepted it, or refused it for good. Never throws. */
    public void acknowledge(SpooledRecord record) {
        lock.lock();
        try {
            Segment segment = record.segment();
            if (closed || segment.deleted() || segment.acknowledged(record.index())) {
                return;
            }
            long before = segment.diskBytes();
            try {
                segment.acknowledge(record.index());
            } catch (IOException e) {
                problem("writing an acknowledgement in " + dir + " failed: " + e
                        + "; the payload may be sent again after a restart");
            }
            usedBytes += segment.diskBytes() - before;
            outstanding--;
            unsynced.add(segment);
            deleteIfDone(segment);
        } catch (RuntimeException e) {
            problem("acknowledging in " + dir + " failed: " + e);
        } finally {
            lock.unlock();
        }
    }

    private void deleteIfDone(Segment segment) {
        if (segment.writable() || !segment.fullyAcknowledged() || segment.deleted()) {
            return;
        }
        segments.remove(segment.id());
        unsynced.remove(segment);
        usedBytes -= segment.diskBytes();
        try {
            segment.delete();
        } catch (IOException e) {
            problem("deleting " + segment.logFile() + " failed: " + e + "; it is cleaned up at the next start");
        }
    }

    // ---- fsync ---------------------------------------------------------------------------------

    /** Forces what was written since the last sync to the disk; the {@link FsyncPolicy#BATCH} task. Never throws. */
    public void sync() {
        List<Segment> dirty;
        boolean directory;
        lock.lock();
        try {
            if (closed || (unsynced.isEmpty() && !directoryUnsynced)) {
                return;
            }
            dirty = new ArrayList<>(unsynced);
            unsynced.clear();
            directory = directoryUnsynced;
            directoryUnsynced = false;
        } finally {
            lock.unlock();
        }
        try {
            force(dirty, directory); // outside the lock: appends go on while the disk catches up
        } catch (RuntimeException e) { // a scheduled task that throws is never run again
            problem("fsync in " + dir + " failed: " + e);
        }
    }

    private void syncLocked() {
        force(new ArrayList<>(unsynced), directoryUnsynced);
        unsynced.clear();
        directoryUnsynced = false;
    }

    private void force(List<Segment> dirty, boolean directory) {
        for (Segment segment : dirty) {
            try {
                segment.force();
            } catch (IOException e) {
                if (!segment.deleted() && !hasBeenClosed()) {
                    problem("fsync of " + segment.logFile() + " failed: " + e);
                }
            }
        }
        if (directory) {
            forceDirectory();
        }
        syncs.increment();
    }

    /** Makes new file names durable (Linux needs the directory itself synced); not possible everywhere. */
    private void forceDirectory() {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "fsync of the directory {0} not possible here: {1}", dir, e.toString());
        }
    }

    // ---- status and close ----------------------------------------------------------------------

    public SpoolStatus status() {
        lock.lock();
        try {
            return new SpoolStatus(dir, usedBytes, settings.maxBytes(), outstanding, settings.fsync(), syncs.sum());
        } finally {
            lock.unlock();
        }
    }

    public Path dir() {
        return dir;
    }

    /**
     * Deletes what is fully acknowledged, forces the rest to disk (unless the policy is
     * {@link FsyncPolicy#OS}), closes the files and releases the directory. Idempotent.
     */
    @Override
    public void close() {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            if (syncTask != null) {
                syncTask.cancel(false);
            }
            if (active != null) {
                active.seal();
                active = null;
            }
            for (Segment segment : new ArrayList<>(segments.values())) {
                deleteIfDone(segment);
            }
            if (settings.fsync() != FsyncPolicy.OS && (!unsynced.isEmpty() || directoryUnsynced)) {
                syncLocked();
            }
            closed = true;
            closeFiles();
        } finally {
            lock.unlock();
        }
    }

    private void closeFiles() {
        segments.values().forEach(Segment::close);
        fileLock.close();
    }

    private boolean hasBeenClosed() {
        lock.lock();
        try {
            return closed;
        } finally {
            lock.unlock();
        }
    }

    private void problem(String message) {
        problems.record(n -> "Interakt spool: " + message + (n > 1 ? " (" + n + " problem(s) since the last warning)" : ""));
    }
}
