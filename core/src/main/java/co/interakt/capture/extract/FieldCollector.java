package co.interakt.capture.extract;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An ordered multimap of field name to values that stops growing at {@link #MAX_VALUES}: a signup
 * form has a few dozen fields, and container-parsed parameters are not bounded by our body cap.
 * Values past the bound are ignored rather than failing the capture.
 */
final class FieldCollector {
    static final int MAX_VALUES = 1_000;

    private final Map<String, List<String>> fields = new LinkedHashMap<>();
    private int count;

    void add(String name, String value) {
        if (name == null || name.isEmpty() || value == null || count >= MAX_VALUES) {
            return;
        }
        fields.computeIfAbsent(name, n -> new ArrayList<>(1)).add(value);
        count++;
    }

    void addAll(Map<String, List<String>> more) {
        for (Map.Entry<String, List<String>> e : more.entrySet()) {
            List<String> values = e.getValue();
            if (values == null) {
                continue;
            }
            for (String v : values) {
                add(e.getKey(), v);
            }
        }
    }

    Map<String, List<String>> toMap() {
        return Collections.unmodifiableMap(fields);
    }
}
