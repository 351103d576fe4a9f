package co.interakt.capture.sandbox;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses and checks a members/leads body the way Interakt documents it: a JSON object with an
 * {@code email}; values are strings, numbers, booleans or arrays; no {@code null} and no nested
 * object except the flat {@code custom_fields}.
 *
 * <p>Stricter than the real service on purpose: Interakt silently ignores a body without an email
 * (and the values it does not accept), which would hide a bug; the sandbox answers 400 instead.
 */
final class InteraktJson {
    private static final JsonFactory FACTORY = new JsonFactory();
    static final String CUSTOM_FIELDS = "custom_fields";

    /** A parsed body, or why it was refused. */
    record Parsed(Map<String, Object> attributes, Map<String, Object> customFields, String error) {
        static Parsed refused(String error) {
            return new Parsed(Map.of(), Map.of(), error);
        }
    }

    private InteraktJson() {
    }

    static Parsed parse(byte[] body) {
        try (JsonParser p = FACTORY.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return Parsed.refused("body must be a JSON object");
            }
            Map<String, Object> attributes = new LinkedHashMap<>();
            Map<String, Object> customFields = new LinkedHashMap<>();
            String error = readMembers(p, attributes, customFields);
            if (error == null && p.nextToken() != null) {
                error = "trailing content after the JSON object";
            }
            if (error == null && !(attributes.get("email") instanceof String email && !email.isBlank())) {
                error = "email is required (a non-empty string); Interakt would silently ignore this call";
            }
            return error == null
                    ? new Parsed(Collections.unmodifiableMap(attributes), Collections.unmodifiableMap(customFields), null)
                    : Parsed.refused(error);
        } catch (JsonProcessingException e) {
            return Parsed.refused("malformed JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            return Parsed.refused("unreadable body: " + e.getMessage());
        }
    }

    private static String readMembers(JsonParser p, Map<String, Object> attributes, Map<String, Object> customFields)
            throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            if (value == JsonToken.START_OBJECT) {
                if (!CUSTOM_FIELDS.equals(name)) {
                    return "nested object in '" + name + "': Interakt accepts no hash except custom_fields";
                }
                String error = readFlatObject(p, customFields);
                if (error != null) {
                    return error;
                }
            } else if (value == JsonToken.VALUE_NULL) {
                return "null value in '" + name + "': Interakt accepts no null";
            } else {
                attributes.put(name, readValue(p));
            }
        }
        return null;
    }

    private static String readFlatObject(JsonParser p, Map<String, Object> into) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
                return "custom_fields." + name + " must be a plain value";
            }
            if (value == JsonToken.VALUE_NULL) {
                return "null value in 'custom_fields." + name + "': Interakt accepts no null";
            }
            into.put(name, readValue(p));
        }
        return null;
    }

    /** A scalar, or an array (Interakt documents arrays of objects for order data). */
    private static Object readValue(JsonParser p) throws IOException {
        switch (p.currentToken()) {
            case VALUE_STRING:
                return p.getText();
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return p.getNumberValue();
            case VALUE_TRUE:
            case VALUE_FALSE:
                return p.getBooleanValue();
            case START_ARRAY:
                List<Object> items = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    items.add(readAny(p));
                }
                return Collections.unmodifiableList(items);
            default:
                throw new IllegalStateException("unexpected token " + p.currentToken());
        }
    }

    private static Object readAny(JsonParser p) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        if (p.currentToken() == JsonToken.START_OBJECT) {
            Map<String, Object> object = new LinkedHashMap<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                object.put(name, readAny(p));
            }
            return Collections.unmodifiableMap(object);
        }
        return readValue(p);
    }
}
