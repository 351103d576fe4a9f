package co.interakt.capture.delivery.spool;

import static co.interakt.capture.delivery.spool.RecordFormat.ACK_ENTRY_BYTES;
import static co.interakt.capture.delivery.spool.RecordFormat.SEGMENT_HEADER_BYTES;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One segment of the spool: a file of records appended at its end, and beside it a file of
 * acknowledgements (record indexes). Both are deleted once every record is acknowledged.
 *
 * <p>Not thread-safe: {@link Spool} guards every method with its lock, except {@link #read} (one
 * reader at a time, on its own file handle; safe below {@link #end()} because written records
 * never change) and {@link #force} (an fsync, which does not touch file positions).
 */
final class Segment {
    private static final Pattern LOG_NAME = Pattern.compile("segment-(\\d{1,18})\\.log");
    private static final String ACK_SUFFIX = ".acks";

    private final long id;
    private final Path logFile;
    private final Path ackFile;
    private final RandomAccessFile writer; // null for a segment left by an earlier run: never appended to
    private final RandomAccessFile reader;
    private final BitSet acked;
    private RandomAccessFile acks; // opened by the first acknowledgement
    private long ackFileBytes;
    private int ackedCount;
    private long fileBytes;
    private long end;
    private int records;
    private boolean writable;
    private boolean deleted;

    private Segment(long id, Path dir, RandomAccessFile writer, RandomAccessFile reader, BitSet acked, long ackFileBytes,
            long fileBytes, long end, int records) {
        this.id = id;
        this.logFile = dir.resolve(logName(id));
        this.ackFile = dir.resolve(logName(id) + ACK_SUFFIX);
        this.writer = writer;
        this.reader = reader;
        this.acked = acked;
        this.ackFileBytes = ackFileBytes;
        this.ackedCount = acked.get(0, records).cardinality();
        this.fileBytes = fileBytes;
        this.end = end;
        this.records = records;
        this.writable = writer != null;
    }

    /** What start-up found in one segment file. */
    record Recovery(Segment segment, long fileBytes, String unreadable, String damage, long damagedAt) {
    }

    static String logName(long id) {
        return String.format("segment-%018d.log", id);
    }

    /** The id of a segment file name, or -1 when the name is not one of ours. */
    static long idOf(String fileName) {
        Matcher m = LOG_NAME.matcher(fileName);
        return m.matches() ? Long.parseLong(m.group(1)) : -1;
    }

    /** The id of an ack file name, or -1. */
    static long ackIdOf(String fileName) {
        return fileName.endsWith(ACK_SUFFIX) ? idOf(fileName.substring(0, fileName.length() - ACK_SUFFIX.length())) : -1;
    }

    static Segment create(Path dir, long id) throws IOException {
        Path file = dir.resolve(logName(id));
        Files.deleteIfExists(dir.resolve(logName(id) + ACK_SUFFIX)); // stale acks must not apply to new records
        Files.createFile(file);
        RandomAccessFile writer = null;
        try {
            writer = new RandomAccessFile(file.toFile(), "rw");
            writer.write(RecordFormat.segmentHeader());
            RandomAccessFile reader = new RandomAccessFile(file.toFile(), "r");
            return new Segment(id, dir, writer, reader, new BitSet(), 0, SEGMENT_HEADER_BYTES, SEGMENT_HEADER_BYTES, 0);
        } catch (IOException e) {
            closeQuietly(writer);
            Files.deleteIfExists(file);
            throw e;
        }
    }

    /** Reads a segment left by an earlier run: its acknowledgements, then its records up to the first damage. */
    static Recovery recover(Path dir, long id) throws IOException {
        RandomAccessFile log = new RandomAccessFile(dir.resolve(logName(id)).toFile(), "r");
        try {
            long size = log.length();
            String unreadable = RecordFormat.checkHeader(log);
            if (unreadable != null) {
                log.close();
                return new Recovery(null, size, unreadable, null, -1);
            }
            Path ackFile = dir.resolve(logName(id) + ACK_SUFFIX);
            BitSet acked = new BitSet();
            long ackBytes = readAcks(ackFile, acked);
            long position = SEGMENT_HEADER_BYTES;
            int index = 0;
            String damage = null;
            while (position < size) {
                RecordFormat.Read read = RecordFormat.read(log, position, size);
                if (!read.ok()) {
                    damage = read.damage();
                    break;
                }
                position = read.next();
                index++;
            }
            Segment segment = new Segment(id, dir, null, log, acked, ackBytes, size, position, index);
            return new Recovery(segment, size, null, damage, damage == null ? -1 : position);
        } catch (IOException | RuntimeException e) {
            log.close();
            throw e;
        }
    }

    /** Sets the acknowledged indexes; returns the ack file's size rounded down to whole entries. */
    private static long readAcks(Path ackFile, BitSet into) throws IOException {
        try {
            byte[] bytes = Files.readAllBytes(ackFile); // 8 bytes per record at most: small
            int whole = bytes.length - bytes.length % ACK_ENTRY_BYTES;
            ByteBuffer entries = ByteBuffer.wrap(bytes, 0, whole);
            while (entries.hasRemaining()) {
                int index = RecordFormat.ackedIndex(entries);
                if (index >= 0) {
                    into.set(index); // a torn or zeroed entry (-1) acknowledges nothing
                }
            }
            return whole;
        } catch (NoSuchFileException none) {
            return 0;
        }
    }

    long id() {
        return id;
    }

    Path logFile() {
        return logFile;
    }

    /** The first byte after the last good record: where the next one goes, and where reading stops. */
    long end() {
        return end;
    }

    int records() {
        return records;
    }

    boolean writable() {
        return writable;
    }

    boolean deleted() {
        return deleted;
    }

    /** No more appends: full, damaged, left by an earlier run, or the spool is closing. */
    void seal() {
        writable = false;
    }

    int unacknowledged() {
        return records - ackedCount;
    }

    boolean fullyAcknowledged() {
        return ackedCount >= records;
    }

    boolean acknowledged(int index) {
        return acked.get(index);
    }

    /**
     * What the segment may occupy on disk: its file, plus room for one ack entry per record,
     * reserved when the record is appended so acknowledging never takes the spool past its bound.
     */
    long diskBytes() {
        return fileBytes + Math.max(ackFileBytes, (long) records * ACK_ENTRY_BYTES);
    }

    /** Appends one encoded record; returns its index. On failure the segment is cut back or sealed. */
    int append(byte[] record) throws IOException {
        long at = end;
        try {
            writer.seek(at);
            writer.write(record);
        } catch (IOException e) {
            try {
                writer.setLength(at); // a half-written record must not sit in front of the next one
            } catch (IOException notEvenThat) {
                writable = false;
                fileBytes = Math.max(fileBytes, writer.length());
            }
            throw e;
        }
        end = at + record.length;
        fileBytes = end;
        return records++;
    }

    RecordFormat.Read read(long offset, long readEnd) throws IOException {
        return RecordFormat.read(reader, offset, readEnd);
    }

    /** Records {@code index} as acknowledged: in memory at once, then in the ack file. */
    void acknowledge(int index) throws IOException {
        if (acked.get(index)) {
            return;
        }
        acked.set(index);
        ackedCount++;
        if (acks == null) {
            acks = new RandomAccessFile(ackFile.toFile(), "rw");
        }
        acks.seek(ackFileBytes); // after the last whole entry: overwrites a torn one
        acks.write(RecordFormat.ackEntry(index));
        ackFileBytes += ACK_ENTRY_BYTES;
    }

    /** Stops reading at {@code offset} (record {@code index}), where damage was found; returns the unacknowledged records cut off. */
    int cutAt(long offset, int index) {
        int before = unacknowledged();
        end = offset;
        records = index;
        ackedCount = acked.get(0, records).cardinality();
        writable = false;
        return before - unacknowledged();
    }

    /** fsync of what was appended and acknowledged. */
    void force() throws IOException {
        if (writer != null) {
            writer.getFD().sync();
        }
        if (acks != null) {
            acks.getFD().sync();
        }
    }

    void close() {
        closeQuietly(writer);
        closeQuietly(reader);
        closeQuietly(acks);
    }

    void delete() throws IOException {
        deleted = true;
        close();
        Files.deleteIfExists(ackFile);
        Files.deleteIfExists(logFile);
    }

    private static void closeQuietly(RandomAccessFile file) {
        if (file != null) {
            try {
                file.close();
            } catch (IOException e) {
                // nothing left to do with it
            }
        }
    }
}
