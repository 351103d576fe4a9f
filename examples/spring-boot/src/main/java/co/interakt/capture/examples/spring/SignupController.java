package co.interakt.capture.examples.spring;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The same pages as the servlet examples, the Spring MVC way. Nothing here knows about Interakt. */
@RestController
public class SignupController {
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

    @GetMapping(path = "/hello", produces = MediaType.TEXT_PLAIN_VALUE)
    public String hello() {
        return "Hello from the Spring Boot signup example. Sign up at /signup\n";
    }

    @GetMapping(path = "/signup", produces = MediaType.TEXT_HTML_VALUE)
    public String form() {
        return FORM;
    }

    @PostMapping(path = "/signup", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE, produces = MediaType.TEXT_PLAIN_VALUE)
    public ResponseEntity<String> signup(@RequestParam(required = false) String email, @RequestParam(required = false) String name,
            @RequestParam(required = false) String password) {
        if (email == null || email.isBlank() || password == null) {
            return ResponseEntity.badRequest().body("email and password are required\n");
        }
        // A real app would store the account here.
        String who = name == null || name.isBlank() ? email : name;
        return ResponseEntity.status(HttpStatus.CREATED).body("Welcome, " + who + "! Check " + email + " to confirm.\n");
    }

    @PostMapping(path = "/contact", produces = MediaType.TEXT_PLAIN_VALUE)
    public String contact(@RequestBody String message) {
        return "Thanks, we read your " + message.length() + " characters.\n";
    }
}
