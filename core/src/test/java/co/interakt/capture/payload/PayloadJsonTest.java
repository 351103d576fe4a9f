package co.interakt.capture.payload;

import static org.junit.jupiter.api.Assertions.assertEquals;

import co.interakt.capture.config.Target;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PayloadJsonTest {

    private static String json(Map<String, Object> attributes, Map<String, String> custom) {
        return new String(new InteraktPayload(Target.MEMBERS, attributes, custom).toJson(), StandardCharsets.UTF_8);
    }

    @Test
    void writesEmailFirstThenAttributesInOrderThenCustomFields() {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("name", "Ann \"The\" Lee");
        attributes.put("email", "ann@example.com");
        attributes.put("created_at", 1467875969L);
        attributes.put("joined_at", "1467875969test");
        attributes.put("vip", Boolean.TRUE);
        attributes.put("dropped", null);
        Map<String, String> custom = new LinkedHashMap<>();
        custom.put("plan", "pro");
        custom.put("user.city", "M\u00fcnchen\n\u2028</script>");
        assertEquals("{\"email\":\"ann@example.com\",\"name\":\"Ann \\\"The\\\" Lee\",\"created_at\":1467875969,"
                + "\"joined_at\":\"1467875969test\",\"vip\":true,"
                + "\"custom_fields\":{\"plan\":\"pro\",\"user.city\":\"M\u00fcnchen\\n\u2028</script>\"}}",
                json(attributes, custom));
    }

    @Test
    void omitsEmptyCustomFields() {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("email", "ann@example.com");
        attributes.put("created_at", 1L);
        assertEquals("{\"email\":\"ann@example.com\",\"created_at\":1}", json(attributes, Map.of()));
        assertEquals("{\"email\":\"ann@example.com\",\"created_at\":1}", json(attributes, null));
    }

    @Test
    void neverLetsAnAttributeShadowCustomFieldsAndWritesOddTypesAsStrings() {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("email", "ann@example.com");
        attributes.put("custom_fields", "shadow");
        attributes.put("count", 3);
        attributes.put("ratio", 0.5);
        assertEquals("{\"email\":\"ann@example.com\",\"count\":3,\"ratio\":\"0.5\",\"custom_fields\":{\"a\":\"b\"}}",
                json(attributes, Map.of("a", "b")));
    }

    @Test
    void writesControlCharactersEscaped() {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("email", "ann@example.com");
        attributes.put("note", "a\u0000b\tc");
        assertEquals("{\"email\":\"ann@example.com\",\"note\":\"a\\u0000b\\tc\"}", json(attributes, Map.of()));
    }
}
