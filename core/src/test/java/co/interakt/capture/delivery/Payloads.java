package co.interakt.capture.delivery;

import co.interakt.capture.config.Target;
import co.interakt.capture.payload.InteraktPayload;
import java.util.LinkedHashMap;
import java.util.Map;

/** Payloads for tests. */
final class Payloads {
    private Payloads() {
    }

    static InteraktPayload member(String email) {
        return of(Target.MEMBERS, email);
    }

    static InteraktPayload of(Target target, String email) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("email", email);
        attributes.put("name", "Ann Example");
        attributes.put("created_at", 1257553080L);
        return new InteraktPayload(target, attributes, Map.of("plan", "pro"));
    }
}
