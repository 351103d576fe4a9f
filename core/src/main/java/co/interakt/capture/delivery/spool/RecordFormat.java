package co.interakt.capture.delivery.spool;

import co.interakt.capture.config.Target;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * The byte layout of the spool files, all integers big-endian.
 *
 * <pre>
 * segment file  = header record*
 * header        = magic "IKSP" (4 bytes), version 1 (int)
 * record        = length (int), crc (int), payload (length bytes)
 * payload       = target code (1 byte: 1 members, 2 leads), the JSON body exactly as it is sent
 * crc           = CRC32C of the length's 4 bytes followed by the payload
 * ack file      = entry*, entry = record index (int), its bitwise complement (int)
 * </pre>
 *
 * <p>Why the length is inside the checksum, and why an ack entry carries its complement: a crash
 * or power loss can leave a file's tail as garbage or as zeros (the size grew, the data did not
 * land). A zero length, or a zeroed ack entry, must not read as valid; with these rules it cannot.
 *
 * <p>Files are read and written through {@link RandomAccessFile}, not {@code FileChannel}: a
 * channel is closed for every thread when one thread is interrupted during I/O on it, and request
 * threads, worker threads at shutdown and the host application's own code all may be interrupted.
 */
final class RecordFormat {
    static final int MAGIC = 0x494B5350; // "IKSP"
    static final int VERSION = 1;
    static final int SEGMENT_HEADER_BYTES = 8;
    static final int RECORD_HEADER_BYTES = 8;
    static final int ACK_ENTRY_BYTES = 8;
    /** Target code and at least "{}": anything shorter is damage, not a record. */
    private static final int MIN_PAYLOAD_BYTES = 3;

    private RecordFormat() {
    }

    /** One record read back, or why the bytes at that offset are not one. */
    record Read(Target target, byte[] json, long next, String damage) {
        static Read damaged(String why) {
            return new Read(null, null, -1, why);
        }

        boolean ok() {
            return damage == null;
        }
    }

    static byte[] segmentHeader() {
        return ByteBuffer.allocate(SEGMENT_HEADER_BYTES).putInt(MAGIC).putInt(VERSION).array();
    }

    /** What is wrong with a segment's header, or {@code null} when it is ours. */
    static String checkHeader(RandomAccessFile file) throws IOException {
        if (file.length() < SEGMENT_HEADER_BYTES) {
            return "shorter than its header";
        }
        byte[] bytes = new byte[SEGMENT_HEADER_BYTES];
        file.seek(0);
        file.readFully(bytes);
        ByteBuffer header = ByteBuffer.wrap(bytes);
        int magic = header.getInt();
        int version = header.getInt();
        if (magic != MAGIC) {
            return "not a spool segment";
        }
        return version == VERSION ? null : "segment version " + version + " (this version reads " + VERSION + ")";
    }

    /** The bytes a record occupies in its segment. */
    static int recordBytes(byte[] json) {
        return RECORD_HEADER_BYTES + 1 + json.length;
    }

    static byte[] encode(Target target, byte[] json) {
        int length = 1 + json.length;
        ByteBuffer buffer = ByteBuffer.allocate(RECORD_HEADER_BYTES + length);
        buffer.putInt(length).putInt(0).put(code(target)).put(json);
        buffer.putInt(4, checksum(buffer.array(), buffer.array(), RECORD_HEADER_BYTES, length));
        return buffer.array();
    }

    /** Reads the record at {@code offset}, trusting nothing at or beyond {@code end}. */
    static Read read(RandomAccessFile file, long offset, long end) throws IOException {
        if (end - offset < RECORD_HEADER_BYTES) {
            return Read.damaged("truncated record header");
        }
        byte[] header = new byte[RECORD_HEADER_BYTES];
        file.seek(offset);
        file.readFully(header);
        int length = ByteBuffer.wrap(header).getInt();
        int crc = ByteBuffer.wrap(header).getInt(4);
        if (length < MIN_PAYLOAD_BYTES) {
            return Read.damaged("impossible record length " + length);
        }
        if (length > end - offset - RECORD_HEADER_BYTES) {
            return Read.damaged("truncated record (" + length + " bytes announced, "
                    + (end - offset - RECORD_HEADER_BYTES) + " present)");
        }
        byte[] payload = new byte[length];
        file.readFully(payload);
        if (checksum(header, payload, 0, length) != crc) {
            return Read.damaged("checksum mismatch");
        }
        Target target = target(payload[0]);
        if (target == null) {
            return Read.damaged("unknown target code " + payload[0]);
        }
        return new Read(target, Arrays.copyOfRange(payload, 1, length), offset + RECORD_HEADER_BYTES + length, null);
    }

    static byte[] ackEntry(int index) {
        return ByteBuffer.allocate(ACK_ENTRY_BYTES).putInt(index).putInt(~index).array();
    }

    /** The record index an ack entry names, or -1 for a torn or zeroed entry. */
    static int ackedIndex(ByteBuffer entry) {
        int index = entry.getInt();
        int check = entry.getInt();
        return index >= 0 && check == ~index ? index : -1;
    }

    /** CRC32C of the record's 4 length bytes (first in {@code lengthBytes}) followed by its payload. */
    private static int checksum(byte[] lengthBytes, byte[] payload, int payloadOffset, int length) {
        CRC32C crc = new CRC32C();
        crc.update(lengthBytes, 0, 4);
        crc.update(payload, payloadOffset, length);
        return (int) crc.getValue();
    }

    private static byte code(Target target) {
        return switch (target) {
            case MEMBERS -> 1;
            case LEADS -> 2;
        };
    }

    private static Target target(byte code) {
        return switch (code) {
            case 1 -> Target.MEMBERS;
            case 2 -> Target.LEADS;
            default -> null;
        };
    }
}
