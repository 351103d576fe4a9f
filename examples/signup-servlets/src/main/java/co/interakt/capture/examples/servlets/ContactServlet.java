package co.interakt.capture.examples.servlets;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** {@code POST /contact}: a form that is not a signup, so nothing of it goes to Interakt. */
public class ContactServlet extends HttpServlet {
    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String message = request.getReader().lines().reduce("", String::concat);
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write("Thanks, we read your " + message.length() + " characters.\n");
    }
}
