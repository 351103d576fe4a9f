package co.interakt.capture.examples.servlets;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /signup} shows the form, {@code POST /signup} "creates the account". Nothing here
 * knows about Interakt: the agent (or the filter) sees the POST and forwards the new member.
 */
public class SignupServlet extends HttpServlet {
    private static final String FORM = """
            <!doctype html>
            <title>Sign up</title>
            <form method="post" action="signup">
              <label>Email <input name="email" type="email" required></label>
              <label>Name <input name="name"></label>
              <label>Plan <select name="plan"><option>free</option><option>pro</option></select></label>
              <label>Password <input name="password" type="password" required></label>
              <button>Sign up</button>
            </form>
            """;

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
        response.setContentType("text/plain;charset=UTF-8");
        if (email == null || email.isBlank() || request.getParameter("password") == null) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            response.getWriter().write("email and password are required\n");
            return;
        }
        // A real app would store the account here.
        response.setStatus(HttpServletResponse.SC_CREATED);
        response.getWriter().write("Welcome, " + (name == null || name.isBlank() ? email : name) + "! Check " + email + " to confirm.\n");
    }
}
