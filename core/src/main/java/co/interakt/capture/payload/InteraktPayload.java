package co.interakt.capture.payload;

import co.interakt.capture.config.Target;
import java.util.Map;

/**
 * One member or lead ready to send. Attribute values are only {@code String}, {@code Long} or
 * {@code Boolean} (Interakt refuses null and nested objects); {@code customFields} is the one flat
 * map Interakt accepts. Immutable.
 *
 * @param target       members or leads
 * @param attributes   top-level attributes in insertion order, {@code email} first
 * @param customFields values for {@code custom_fields}, may be empty (then the key is omitted)
 */
public record InteraktPayload(Target target, Map<String, Object> attributes, Map<String, String> customFields) {

    public String email() {
        return (String) attributes.get("email");
    }

    /** The JSON body, written with Jackson's streaming generator. */
    public byte[] toJson() {
        return PayloadJson.write(this);
    }
}
