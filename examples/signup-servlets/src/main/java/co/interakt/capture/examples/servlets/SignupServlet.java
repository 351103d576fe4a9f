package co.interakt.capture.examples.servlets;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /signup} shows the form (email, name, city, country, password, plan, newsletter),
 * {@code POST /signup} "creates the account" and answers 201 with a welcome page. Nothing here
 * knows about Interakt: the agent (or the filter) sees the POST and forwards the new member.
 */
public class SignupServlet extends HttpServlet {
    private static final String FORM = page("signup.html");
    private static final String MESSAGE = page("message.html");

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/html;charset=UTF-8");
        response.getWriter().write(FORM);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        request.setCharacterEncoding(StandardCharsets.UTF_8.name());
        String email = request.getParameter("email");
        String name = request.getParameter("name");
        String password = request.getParameter("password");
        response.setContentType("text/html;charset=UTF-8");
        if (email == null || email.isBlank() || password == null || password.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            response.getWriter().write(message("Almost there", "Email and password are required."));
            return;
        }
        // A real app would store the account here.
        String who = name == null || name.isBlank() ? email : name;
        response.setStatus(HttpServletResponse.SC_CREATED);
        response.getWriter().write(message("Welcome, " + who + "!", "We sent a confirmation link to " + email + "."));
    }

    private static String message(String title, String message) {
        return MESSAGE.replace("${title}", escape(title)).replace("${message}", escape(message));
    }

    /** The visitor's own input goes back into HTML: escape it. */
    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String page(String name) {
        try (InputStream in = SignupServlet.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name + " beside " + SignupServlet.class.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
