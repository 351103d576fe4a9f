package co.interakt.capture.it.servlets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * JSON signup read the way most tutorials show it: {@code readTree(request.getReader())} with a
 * default {@link ObjectMapper}, which closes the reader once the JSON value ends
 * ({@code AUTO_CLOSE_SOURCE}), before end of stream.
 */
public class JacksonReaderSignupServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private final ObjectMapper mapper = new ObjectMapper();

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        JsonNode signup = mapper.readTree(request.getReader());
        JacksonReplies.created(mapper, signup, response);
    }
}
