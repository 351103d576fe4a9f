package co.interakt.capture.extract;

/** Byte-array scanning shared by the body parsers. */
final class Bytes {
    private Bytes() {
    }

    /** Position of {@code b} in {@code [from, to)}, or {@code to} when absent. */
    static int indexOf(byte[] bytes, byte b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return to;
    }
}
