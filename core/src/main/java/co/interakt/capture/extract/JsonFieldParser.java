package co.interakt.capture.extract;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Flattens a JSON object into fields with jackson-core's streaming parser: nested objects become
 * dotted names ({@code {"user":{"email":..}}} is {@code user.email}); every scalar inside an array
 * is one more value of the array's name, objects inside an array prefix their fields with it.
 * Numbers keep their written text, booleans become {@code true}/{@code false}, nulls are dropped.
 *
 * <p>The walk is a loop over tokens with an explicit stack, never recursion, and stops at
 * {@link #MAX_DEPTH} nested containers, so a hostile {@code [[[[...} cannot overflow the stack.
 */
final class JsonFieldParser {
    /** Deepest nesting accepted, the top-level object included; signup payloads are 2-3 deep. */
    static final int MAX_DEPTH = 32;

    // One shared, thread-safe factory. Parse errors must not quote the input (it may hold a password).
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();

    private JsonFieldParser() {
    }

    /** One open object or array: the dotted name its members get, and whether members are unnamed. */
    private record Container(String prefix, boolean array) {
    }

    static void parse(String text, FieldCollector out) {
        String json = !text.isEmpty() && text.charAt(0) == '\uFEFF' ? text.substring(1) : text;
        try (JsonParser parser = FACTORY.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new ExtractionFailure(SkipReasons.MALFORMED_JSON);
            }
            Deque<Container> open = new ArrayDeque<>();
            open.push(new Container("", false));
            while (!open.isEmpty()) {
                JsonToken token = parser.nextToken();
                if (token == null) {
                    throw new ExtractionFailure(SkipReasons.MALFORMED_JSON);
                }
                switch (token) {
                    case FIELD_NAME, VALUE_NULL -> {
                        // the name is read with its value; nulls are dropped (Interakt refuses them)
                    }
                    case START_OBJECT, START_ARRAY -> {
                        if (open.size() >= MAX_DEPTH) {
                            throw new ExtractionFailure(SkipReasons.JSON_TOO_DEEP);
                        }
                        open.push(new Container(nameOf(parser, open.peek()), token == JsonToken.START_ARRAY));
                    }
                    case END_OBJECT, END_ARRAY -> open.pop();
                    default -> out.add(nameOf(parser, open.peek()), parser.getText());
                }
            }
            if (parser.nextToken() != null) {
                throw new ExtractionFailure(SkipReasons.MALFORMED_JSON);
            }
        } catch (JsonProcessingException e) {
            throw new ExtractionFailure(SkipReasons.MALFORMED_JSON);
        } catch (IOException e) {
            // Reading from a String: only a parse problem can get here.
            throw new ExtractionFailure(SkipReasons.MALFORMED_JSON);
        }
    }

    private static String nameOf(JsonParser parser, Container parent) throws IOException {
        if (parent.array()) {
            return parent.prefix();
        }
        String name = parser.currentName();
        if (name == null) {
            return parent.prefix();
        }
        return parent.prefix().isEmpty() ? name : parent.prefix() + "." + name;
    }
}
