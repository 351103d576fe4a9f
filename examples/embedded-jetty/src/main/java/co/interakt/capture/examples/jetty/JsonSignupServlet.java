package co.interakt.capture.examples.jetty;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/** {@code POST /api/signup} with a JSON body, read with the app's own Jackson. */
public class JsonSignupServlet extends HttpServlet {
    private final ObjectMapper json = new ObjectMapper();

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        JsonNode body = json.readTree(request.getInputStream());
        String email = body.path("email").asText("");
        response.setContentType("application/json");
        if (email.isBlank()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            json.writeValue(response.getOutputStream(), Map.of("error", "email is required"));
            return;
        }
        response.setStatus(HttpServletResponse.SC_CREATED);
        json.writeValue(response.getOutputStream(), Map.of("welcome", email));
    }
}
