package co.interakt.capture.benchmarks;

import co.interakt.capture.config.Target;
import co.interakt.capture.payload.InteraktPayload;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Payloads shaped like a signup form's, the same for every benchmark: a quarter leads, the rest members. */
final class SignupPayloads {
    private SignupPayloads() {
    }

    static List<InteraktPayload> of(int count) {
        List<InteraktPayload> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Map<String, Object> attributes = new LinkedHashMap<>();
            attributes.put("email", "user" + i + "@example.com");
            attributes.put("name", "User " + i);
            attributes.put("created_at", 1_700_000_000L + i);
            attributes.put("country", "India");
            out.add(new InteraktPayload(i % 4 == 0 ? Target.LEADS : Target.MEMBERS, attributes,
                    Map.of("plan", "pro", "utm_source", "newsletter")));
        }
        return out;
    }
}
