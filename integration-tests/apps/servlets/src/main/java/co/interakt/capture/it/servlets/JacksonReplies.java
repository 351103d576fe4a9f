package co.interakt.capture.it.servlets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/** The answer of the Jackson servlets: 201 with the registered email, or 400 without one. */
final class JacksonReplies {
    private JacksonReplies() {
    }

    static void created(ObjectMapper mapper, JsonNode signup, HttpServletResponse response) throws IOException {
        // A flat {"email":...}, a nested {"account":{"email":...}} or JSON:API {"data":{"attributes":{"email":...}}}.
        JsonNode email = signup.hasNonNull("email") ? signup.get("email")
                : signup.has("data") ? signup.at("/data/attributes/email") : signup.at("/account/email");
        response.setContentType("application/json");
        if (email.isMissingNode() || email.asText().isBlank()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            mapper.writeValue(response.getOutputStream(), Map.of("error", "email is required"));
            return;
        }
        response.setStatus(HttpServletResponse.SC_CREATED);
        mapper.writeValue(response.getOutputStream(), Map.of("registered", email.asText()));
    }
}
