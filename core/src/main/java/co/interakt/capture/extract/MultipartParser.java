package co.interakt.capture.extract;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Reads the text fields of a {@code multipart/form-data} body (RFC 7578) from bytes, without the
 * servlet API. A part whose {@code Content-Disposition} has a {@code filename} (even an empty one,
 * as browsers send for an empty file input) is a file: it is skipped whole, neither its content nor
 * its file name is read. So is a part whose own {@code Content-Type} is not {@code text/*}.
 * Line ends may be CRLF or bare LF. A missing closing delimiter fails the whole body.
 */
final class MultipartParser {
    /** RFC 2046 caps a boundary at 70 characters. */
    private static final int MAX_BOUNDARY = 70;

    private MultipartParser() {
    }

    static void parse(byte[] body, int length, String boundary, Charset charset, FieldCollector out) {
        if (boundary == null || boundary.isEmpty() || boundary.length() > MAX_BOUNDARY
                || !StandardCharsets.US_ASCII.newEncoder().canEncode(boundary)) {
            throw malformed();
        }
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.US_ASCII);
        int at = findDelimiter(body, length, delimiter, 0);
        while (true) {
            if (at < 0) {
                throw malformed();
            }
            int p = at + delimiter.length;
            if (startsWith(body, length, p, (byte) '-', (byte) '-')) {
                return; // closing delimiter: the epilogue after it is ignored
            }
            int headersStart = skipLineEnd(body, length, skipPadding(body, length, p));
            int contentStart = headersEnd(body, length, headersStart);
            int next = findDelimiter(body, length, delimiter, contentStart);
            if (next < 0) {
                throw malformed();
            }
            // The line end before "--boundary" belongs to the delimiter, not to the content.
            int contentEnd = Math.max(contentStart, next - 1);
            if (contentEnd > contentStart && body[contentEnd - 1] == '\r') {
                contentEnd--;
            }
            readPart(body, headersStart, contentStart, contentEnd, charset, out);
            at = next;
        }
    }

    private static void readPart(byte[] body, int headersStart, int contentStart, int contentEnd,
                                 Charset charset, FieldCollector out) {
        HeaderValue disposition = null;
        HeaderValue type = null;
        int line = headersStart;
        while (line < contentStart) {
            int lineEnd = Bytes.indexOf(body, (byte) '\n', line, contentStart);
            int textEnd = lineEnd > line && body[lineEnd - 1] == '\r' ? lineEnd - 1 : lineEnd;
            // Header bytes are decoded leniently: only the field name comes from them.
            String header = new String(body, line, textEnd - line, charset);
            int colon = header.indexOf(':');
            if (colon > 0) {
                String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                if (name.equals("content-disposition")) {
                    disposition = HeaderValue.parse(header.substring(colon + 1));
                } else if (name.equals("content-type")) {
                    type = HeaderValue.parse(header.substring(colon + 1));
                }
            }
            line = lineEnd + 1;
        }
        if (disposition == null || disposition.hasParameter("filename") || disposition.hasParameter("filename*")) {
            return; // not a form field, or a file: never read
        }
        String name = disposition.parameter("name");
        if (name == null || name.isEmpty()) {
            return;
        }
        Charset partCharset = charset;
        if (type != null) {
            if (!type.value().startsWith("text/")) {
                return; // binary data sent without a file name
            }
            partCharset = CharsetResolver.resolve(type.parameter("charset"), charset);
        }
        out.add(name, StrictDecoder.decode(body, contentStart, contentEnd - contentStart, partCharset));
    }

    /** The next delimiter at {@code from} or later that starts a line, or -1. */
    private static int findDelimiter(byte[] body, int length, byte[] delimiter, int from) {
        for (int i = from; i <= length - delimiter.length; i++) {
            if ((i == 0 || body[i - 1] == '\n') && regionMatches(body, i, delimiter)) {
                return i;
            }
        }
        return -1;
    }

    /** Index of the first content byte after the blank line that ends the part headers. */
    private static int headersEnd(byte[] body, int length, int from) {
        int line = from;
        while (line < length) {
            if (body[line] == '\n') {
                return line + 1;
            }
            if (body[line] == '\r' && line + 1 < length && body[line + 1] == '\n') {
                return line + 2;
            }
            int lineEnd = Bytes.indexOf(body, (byte) '\n', line, length);
            if (lineEnd >= length) {
                break;
            }
            line = lineEnd + 1;
        }
        throw malformed();
    }

    /** Linear whitespace allowed after a delimiter (RFC 2046 "transport padding"). */
    private static int skipPadding(byte[] body, int length, int p) {
        while (p < length && (body[p] == ' ' || body[p] == '\t')) {
            p++;
        }
        return p;
    }

    private static int skipLineEnd(byte[] body, int length, int p) {
        if (p < length && body[p] == '\n') {
            return p + 1;
        }
        if (startsWith(body, length, p, (byte) '\r', (byte) '\n')) {
            return p + 2;
        }
        throw malformed();
    }

    private static boolean startsWith(byte[] body, int length, int p, byte a, byte b) {
        return p + 1 < length && body[p] == a && body[p + 1] == b;
    }

    private static boolean regionMatches(byte[] body, int at, byte[] what) {
        for (int k = 0; k < what.length; k++) {
            if (body[at + k] != what[k]) {
                return false;
            }
        }
        return true;
    }

    private static ExtractionFailure malformed() {
        return new ExtractionFailure(SkipReasons.MALFORMED_MULTIPART);
    }
}
