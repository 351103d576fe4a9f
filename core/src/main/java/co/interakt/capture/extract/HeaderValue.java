package co.interakt.capture.extract;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A structured header value such as {@code multipart/form-data; boundary="x"} or
 * {@code form-data; name="email"}: the main value in lower case and its parameters (names in lower
 * case, quoted values unquoted). Lenient: odd input gives fewer parameters, never an exception.
 */
final class HeaderValue {
    private final String value;
    private final Map<String, String> parameters;

    private HeaderValue(String value, Map<String, String> parameters) {
        this.value = value;
        this.parameters = parameters;
    }

    static HeaderValue parse(String header) {
        if (header == null) {
            return new HeaderValue("", Map.of());
        }
        int semicolon = header.indexOf(';');
        String main = (semicolon < 0 ? header : header.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
        Map<String, String> params = new LinkedHashMap<>();
        int i = semicolon < 0 ? header.length() : semicolon + 1;
        while (i < header.length()) {
            int eq = header.indexOf('=', i);
            int nextSemicolon = header.indexOf(';', i);
            if (eq < 0 || (nextSemicolon >= 0 && nextSemicolon < eq)) {
                // A parameter without a value, e.g. "; foo;": skip it.
                i = nextSemicolon < 0 ? header.length() : nextSemicolon + 1;
                continue;
            }
            String name = header.substring(i, eq).trim().toLowerCase(Locale.ROOT);
            int j = eq + 1;
            while (j < header.length() && header.charAt(j) == ' ') {
                j++;
            }
            StringBuilder v = new StringBuilder();
            if (j < header.length() && header.charAt(j) == '"') {
                j = readQuoted(header, j + 1, v);
                int end = header.indexOf(';', j);
                i = end < 0 ? header.length() : end + 1;
            } else {
                int end = header.indexOf(';', j);
                v.append(header, j, end < 0 ? header.length() : end);
                i = end < 0 ? header.length() : end + 1;
            }
            params.putIfAbsent(name, v.toString().trim());
        }
        return new HeaderValue(main, params);
    }

    /** Reads a quoted string from {@code start} (just past the opening quote); returns the index after it. */
    private static int readQuoted(String s, int start, StringBuilder out) {
        int j = start;
        while (j < s.length()) {
            char c = s.charAt(j);
            if (c == '"') {
                return j + 1;
            }
            if (c == '\\' && j + 1 < s.length() && (s.charAt(j + 1) == '"' || s.charAt(j + 1) == '\\')) {
                out.append(s.charAt(j + 1));
                j += 2;
            } else {
                out.append(c);
                j++;
            }
        }
        return j;
    }

    /** The main value in lower case, e.g. {@code application/json}; empty when absent. */
    String value() {
        return value;
    }

    /** A parameter by lower-case name, or {@code null}. */
    String parameter(String name) {
        return parameters.get(name);
    }

    boolean hasParameter(String name) {
        return parameters.containsKey(name);
    }
}
