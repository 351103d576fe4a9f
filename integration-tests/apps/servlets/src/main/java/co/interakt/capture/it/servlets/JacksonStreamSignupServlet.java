package co.interakt.capture.it.servlets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** As {@link JacksonReaderSignupServlet}, from the byte stream: {@code readTree(request.getInputStream())}. */
public class JacksonStreamSignupServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private final ObjectMapper mapper = new ObjectMapper();

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        JsonNode signup = mapper.readTree(request.getInputStream());
        JacksonReplies.created(mapper, signup, response);
    }
}
