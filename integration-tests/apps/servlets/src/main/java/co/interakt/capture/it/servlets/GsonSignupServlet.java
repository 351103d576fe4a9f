package co.interakt.capture.it.servlets;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/** JSON signup read with Gson: {@code JsonParser.parseReader(request.getReader())} (which does not close the reader). */
public class GsonSignupServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private final Gson gson = new Gson();

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        JsonObject signup = JsonParser.parseReader(request.getReader()).getAsJsonObject();
        JsonObject holder = signup.has("email") ? signup : signup.getAsJsonObject("account");
        JsonElement email = holder == null ? null : holder.get("email");
        response.setContentType("application/json");
        if (email == null || email.getAsString().isBlank()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            response.getWriter().write(gson.toJson(Map.of("error", "email is required")));
            return;
        }
        response.setStatus(HttpServletResponse.SC_CREATED);
        response.getWriter().write(gson.toJson(Map.of("registered", email.getAsString())));
    }
}
