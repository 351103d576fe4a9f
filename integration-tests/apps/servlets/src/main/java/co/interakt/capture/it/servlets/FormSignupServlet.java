package co.interakt.capture.it.servlets;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** An HTML form post read with {@code getParameter}, answered Post/Redirect/Get (302) or 400 when incomplete. */
public class FormSignupServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String email = request.getParameter("email");
        String password = request.getParameter("password");
        if (email == null || email.isBlank() || password == null || password.isBlank()) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, "email and password are required");
            return;
        }
        response.sendRedirect(request.getContextPath() + "/welcome");
    }
}
