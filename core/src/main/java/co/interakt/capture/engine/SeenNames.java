package co.interakt.capture.engine;

import co.interakt.capture.payload.FieldNames;
import java.util.Collection;

/**
 * Field names as log lines show them: dotted, without control characters, each cut to
 * {@value #MAX_NAME_CHARS} characters, at most {@value #MAX_NAMES} of them. Names only, never a
 * value; a name holding an {@code @} is masked, since a client that posts {@code ada@example.com}
 * without {@code =} makes the address a field name.
 */
final class SeenNames {
    static final int MAX_NAMES = 25;
    static final int MAX_NAME_CHARS = 64;

    private SeenNames() {
    }

    static String describe(Collection<String> rawNames) {
        if (rawNames == null || rawNames.isEmpty()) {
            return "(none)";
        }
        StringBuilder out = new StringBuilder();
        int shown = 0;
        for (String raw : rawNames) {
            if (shown == MAX_NAMES) {
                out.append(", ... (").append(rawNames.size() - MAX_NAMES).append(" more)");
                break;
            }
            if (shown > 0) {
                out.append(", ");
            }
            out.append(one(raw));
            shown++;
        }
        return out.toString();
    }

    static String one(String raw) {
        String name = FieldNames.dotted(raw);
        if (name.indexOf('@') >= 0) {
            return "(a name with @)";
        }
        if (name.isEmpty()) {
            return "(empty name)";
        }
        return name.length() > MAX_NAME_CHARS ? name.substring(0, MAX_NAME_CHARS) + "..." : name;
    }
}
