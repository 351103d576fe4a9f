package co.interakt.capture.engine;

import static co.interakt.capture.extract.TestRequests.form;
import static co.interakt.capture.extract.TestRequests.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import co.interakt.capture.config.CaptureConfig;
import co.interakt.capture.config.CaptureRule;
import co.interakt.capture.config.ConfigLoader;
import co.interakt.capture.config.FieldAliases;
import co.interakt.capture.delivery.PayloadSink;
import co.interakt.capture.payload.InteraktPayload;
import co.interakt.capture.payload.SensitiveFields;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The engine with the configuration a user gets by default: typical framework forms are captured. */
class CaptureEngineDefaultConfigTest {
    private final CaptureConfig config = new ConfigLoader().overrides(Map.of()).load();
    private final List<InteraktPayload> submitted = new ArrayList<>();
    private final CaptureEngine engine = new CaptureEngine(config, new PayloadSink() {
        @Override
        public boolean submit(InteraktPayload payload) {
            return submitted.add(payload);
        }

        @Override
        public void close() {
        }
    }, Clock.fixed(Instant.ofEpochSecond(1_700_000_000L), ZoneOffset.UTC));

    @Test
    void noDefaultAliasIsItselfSensitive() {
        SensitiveFields deny = SensitiveFields.builtIn();
        FieldAliases a = config.rules().get(0).aliases();
        Stream.of(a.email(), a.name(), a.firstName(), a.lastName(), a.phone(), a.city(), a.country())
                .flatMap(List::stream)
                .forEach(alias -> assertFalse(deny.isSensitive(alias), alias));
    }

    @Test
    void capturesARailsStyleDeviseForm() {
        CaptureRule rule = engine.ruleFor("POST", "/users/sign_up");
        engine.capture(rule, form("authenticity_token=abc%3D%3D&user%5Bemail%5D=ann%40example.com"
                + "&user%5Bname%5D=Ann+Lee&user%5Bpassword%5D=hunter22&user%5Bpassword_confirmation%5D=hunter22"
                + "&user%5Bcompany%5D=Acme&commit=Sign+up"));
        assertEquals("{\"email\":\"ann@example.com\",\"name\":\"Ann Lee\",\"created_at\":1700000000,"
                + "\"custom_fields\":{\"user.company\":\"Acme\",\"commit\":\"Sign up\"}}", onlyJson());
    }

    @Test
    void capturesASpaJsonSignup() {
        CaptureRule rule = engine.ruleFor("POST", "/api/signup");
        engine.capture(rule, json("{\"user\":{\"email\":\"bob@example.com\",\"firstName\":\"Bob\",\"lastName\":\"Ray\","
                + "\"password\":\"pw\",\"phone\":\"+1 555 0100\"},\"captchaToken\":\"t\",\"country\":\"US\","
                + "\"consent\":true}"));
        assertEquals("{\"email\":\"bob@example.com\",\"name\":\"Bob Ray\",\"phone\":\"+1 555 0100\",\"country\":\"US\","
                + "\"created_at\":1700000000,\"custom_fields\":{\"consent\":\"true\"}}", onlyJson());
    }

    private String onlyJson() {
        assertEquals(1, submitted.size(), engine.metrics().toString());
        return new String(submitted.get(0).toJson(), StandardCharsets.UTF_8);
    }
}
