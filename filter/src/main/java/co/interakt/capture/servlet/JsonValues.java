package co.interakt.capture.servlet;

/**
 * Whether bytes begin with a whole JSON object or array. A JSON body is self-delimiting: a parser
 * such as Jackson stops, and closes the body, once its value ends, and what may follow (the end of
 * a chunked body, trailing whitespace still on the way) is never seen by the application. So a
 * body whose recorded bytes hold the whole value is known complete without waiting for the client.
 */
final class JsonValues {
    private JsonValues() {
    }

    /**
     * {@code true} when the first {@code length} bytes start (after whitespace and a UTF-8
     * byte-order mark) with an object or array that closes. Structural characters are ASCII, the
     * same bytes in UTF-8 and every single-byte charset; in UTF-16 the answer is {@code false}.
     * A scalar top level (a number may go on) is never complete here.
     */
    static boolean startsWithCompleteValue(byte[] bytes, int length) {
        int i = length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF ? 3 : 0;
        while (i < length && isWhitespace(bytes[i])) {
            i++;
        }
        if (i >= length || bytes[i] != '{' && bytes[i] != '[') {
            return false;
        }
        int depth = 0;
        boolean inString = false;
        boolean escaped = false;
        for (; i < length; i++) {
            byte c = bytes[i];
            if (inString) {
                if (escaped) {
                    escaped = false;
                } else if (c == '\\') {
                    escaped = true;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                depth++;
            } else if ((c == '}' || c == ']') && --depth == 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean isWhitespace(byte b) {
        return b == ' ' || b == '\t' || b == '\n' || b == '\r';
    }
}
