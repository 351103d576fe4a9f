package co.interakt.capture.payload;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Writes an {@link InteraktPayload} as JSON with jackson-core's streaming generator: {@code email}
 * first, the other attributes in insertion order, {@code custom_fields} last and only when not
 * empty. Strings, longs and booleans are written as such; a null is skipped (Interakt refuses
 * them); any other type is written as its string form rather than failing.
 */
final class PayloadJson {
    // Thread-safe and costly to build: one for the whole process.
    private static final JsonFactory FACTORY = new JsonFactory();

    private PayloadJson() {
    }

    static byte[] write(InteraktPayload payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator json = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            json.writeStartObject();
            Map<String, Object> attributes = payload.attributes();
            Object email = attributes.get("email");
            if (email != null) {
                writeField(json, "email", email);
            }
            for (Map.Entry<String, Object> e : attributes.entrySet()) {
                String key = e.getKey();
                if (key != null && !key.equals("email") && !key.equals("custom_fields")) {
                    writeField(json, key, e.getValue());
                }
            }
            Map<String, String> custom = payload.customFields();
            if (custom != null && !custom.isEmpty()) {
                json.writeObjectFieldStart("custom_fields");
                for (Map.Entry<String, String> e : custom.entrySet()) {
                    if (e.getKey() != null) {
                        writeField(json, e.getKey(), e.getValue());
                    }
                }
                json.writeEndObject();
            }
            json.writeEndObject();
        } catch (IOException e) {
            // A ByteArrayOutputStream does not fail; keep the signature free of checked exceptions.
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void writeField(JsonGenerator json, String key, Object value) throws IOException {
        if (value == null) {
            return;
        }
        json.writeFieldName(key);
        if (value instanceof String s) {
            json.writeString(s);
        } else if (value instanceof Long l) {
            json.writeNumber(l);
        } else if (value instanceof Integer i) {
            json.writeNumber(i);
        } else if (value instanceof Boolean b) {
            json.writeBoolean(b);
        } else {
            json.writeString(value.toString());
        }
    }
}
