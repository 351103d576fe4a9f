package co.interakt.capture.delivery;

import co.interakt.capture.payload.InteraktPayload;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** TEMPORARY stand-in for PayloadJson until the payload helper's encoder is merged. */
final class TestJson {
    private TestJson() {
    }

    static byte[] encode(InteraktPayload payload) {
        StringBuilder json = new StringBuilder("{");
        for (Map.Entry<String, Object> e : payload.attributes().entrySet()) {
            field(json, e.getKey(), e.getValue());
        }
        if (!payload.customFields().isEmpty()) {
            json.append("\"custom_fields\":{");
            payload.customFields().forEach((k, v) -> field(json, k, v));
            json.setLength(json.length() - 1);
            json.append("},");
        }
        json.setLength(json.length() - 1);
        return json.append('}').toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void field(StringBuilder json, String name, Object value) {
        json.append('"').append(name).append("\":");
        json.append(value instanceof String ? "\"" + value + "\"" : String.valueOf(value)).append(',');
    }
}
