package co.interakt.capture.extract;

import java.nio.charset.Charset;

/**
 * Parses {@code application/x-www-form-urlencoded} bytes (a body or a query string): pairs split on
 * {@code &}, name and value split on the first {@code =}, {@code +} is a space, {@code %XX} a byte.
 * The decoded bytes are then decoded strictly in the given charset, so raw and percent-encoded
 * non-ASCII text are treated alike. A {@code %} without two hex digits fails the whole input.
 */
final class UrlEncodedParser {
    private final byte[] bytes;
    private final Charset charset;
    /** Unescaped bytes of one name or value; made when first needed, grown to the longest. */
    private byte[] scratch;

    private UrlEncodedParser(byte[] bytes, Charset charset) {
        this.bytes = bytes;
        this.charset = charset;
    }

    static void parse(byte[] bytes, int offset, int length, Charset charset, FieldCollector out) {
        new UrlEncodedParser(bytes, charset).parse(offset, offset + length, out);
    }

    private void parse(int from, int end, FieldCollector out) {
        int i = from;
        while (i < end) {
            int pairEnd = Bytes.indexOf(bytes, (byte) '&', i, end);
            int eq = Bytes.indexOf(bytes, (byte) '=', i, pairEnd);
            if (pairEnd > i) {
                String name = decode(i, eq);
                String value = eq < pairEnd ? decode(eq + 1, pairEnd) : "";
                out.add(name, value);
            }
            i = pairEnd + 1;
        }
    }

    private String decode(int from, int to) {
        // One look at the bytes first: most names and many values need no unescaping, and text
        // known to be ASCII is turned into a String without a charset decoder.
        int all = 0;
        boolean escaped = false;
        for (int i = from; i < to; i++) {
            byte b = bytes[i];
            all |= b;
            escaped |= b == '+' || b == '%';
        }
        if (!escaped) {
            return StrictDecoder.decode(bytes, from, to - from, charset, all >= 0);
        }
        if (scratch == null || scratch.length < to - from) {
            scratch = new byte[to - from];
        }
        int n = 0;
        all = 0;
        for (int i = from; i < to; i++) {
            byte b = bytes[i];
            if (b == '+') {
                b = ' ';
            } else if (b == '%') {
                int hi = i + 2 < to ? hexDigit(bytes[i + 1]) : -1;
                int lo = hi >= 0 ? hexDigit(bytes[i + 2]) : -1;
                if (lo < 0) {
                    throw new ExtractionFailure(SkipReasons.BAD_PERCENT_ENCODING);
                }
                b = (byte) (hi << 4 | lo);
                i += 2;
            }
            scratch[n++] = b;
            all |= b;
        }
        return StrictDecoder.decode(scratch, 0, n, charset, all >= 0);
    }

    /** The value of an ASCII hex digit, or -1 (like {@code Character.digit(b, 16)} for a byte). */
    private static int hexDigit(byte b) {
        if (b >= '0' && b <= '9') {
            return b - '0';
        }
        int lower = b | 0x20;
        return lower >= 'a' && lower <= 'f' ? lower - 'a' + 10 : -1;
    }
}
