package co.interakt.capture.sandbox;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** Writes the received requests as JSON, for scripts (e.g. the demo) that check what arrived. */
final class ReceivedJson {
    private static final JsonFactory FACTORY = new JsonFactory();

    private ReceivedJson() {
    }

    static byte[] write(List<ReceivedRequest> newestFirst) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.writeStartArray();
            for (ReceivedRequest r : newestFirst) {
                g.writeStartObject();
                g.writeStringField("receivedAt", r.receivedAt().toString());
                g.writeStringField("method", r.method());
                g.writeStringField("path", r.path());
                g.writeStringField("target", r.target());
                g.writeNumberField("status", r.status());
                g.writeStringField("email", r.email());
                g.writeStringField("error", r.error());
                g.writeStringField("body", r.body());
                g.writeEndObject();
            }
            g.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
