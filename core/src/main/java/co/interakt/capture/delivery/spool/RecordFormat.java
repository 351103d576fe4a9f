package co.interakt.capture.delivery.spool;

import co.interakt.capture.config.Target;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
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

    static ByteBuffer segmentHeader() {
        return ByteBuffer.allocate(SEGMENT_HEADER_BYTES).putInt(MAGIC).putInt(VERSION).flip();
    }

    /** What is wrong with a segment's header, or {@code null} when it is ours. */
    static String checkHeader(FileChannel channel) throws IOException {
        if (channel.size() < SEGMENT_HEADER_BYTES) {
            return "shorter than its header";
        }
        ByteBuffer header = readFully(channel, 0, SEGMENT_HEADER_BYTES);
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

    static ByteBuffer encode(Target target, byte[] json) {
        int length = 1 + json.length;
        ByteBuffer buffer = ByteBuffer.allocate(RECORD_HEADER_BYTES + length);
        buffer.putInt(length).putInt(0).put(code(target)).put(json);
        buffer.putInt(4, checksum(buffer.array(), buffer.array(), RECORD_HEADER_BYTES, length));
        return buffer.flip();
    }

    /** Reads the record at {@code offset}, trusting nothing at or beyond {@code end}. */
    static Read read(FileChannel channel, long offset, long end) throws IOException {
        if (end - offset < RECORD_HEADER_BYTES) {
            return Read.damaged("truncated record header");
        }
        ByteBuffer header = readFully(channel, offset, RECORD_HEADER_BYTES);
        int length = header.getInt();
        int crc = header.getInt();
        if (length < MIN_PAYLOAD_BYTES) {
            return Read.damaged("impossible record length " + length);
        }
        if (length > end - offset - RECORD_HEADER_BYTES) {
            return Read.damaged("truncated record (" + length + " bytes announced, "
                    + (end - offset - RECORD_HEADER_BYTES) + " present)");
        }
        byte[] payload = new byte[length];
        readFully(channel, offset + RECORD_HEADER_BYTES, ByteBuffer.wrap(payload));
        if (checksum(header.array(), payload, 0, length) != crc) {
            return Read.damaged("checksum mismatch");
        }
        Target target = target(payload[0]);
        if (target == null) {
            return Read.damaged("unknown target code " + payload[0]);
        }
        return new Read(target, Arrays.copyOfRange(payload, 1, length), offset + RECORD_HEADER_BYTES + length, null);
    }

    static ByteBuffer ackEntry(int index) {
        return ByteBuffer.allocate(ACK_ENTRY_BYTES).putInt(index).putInt(~index).flip();
    }

    /** The record index an ack entry names, or -1 for a torn or zeroed entry. */
    static int ackedIndex(ByteBuffer entry) {
        int index = entry.getInt();
        int check = entry.getInt();
        return index >= 0 && check == ~index ? index : -1;
    }

    static ByteBuffer readFully(FileChannel channel, long offset, int bytes) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(bytes);
        readFully(channel, offset, buffer);
        return buffer.flip();
    }

    private static void readFully(FileChannel channel, long offset, ByteBuffer into) throws IOException {
        long position = offset;
        while (into.hasRemaining()) {
            int n = channel.read(into, position);
            if (n < 0) {
                throw new EOFException("end of file at byte " + position);
            }
            position += n;
        }
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
