package co.interakt.capture.examples.starter;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Signup pages the usual Spring MVC ways: a form (urlencoded or multipart) and a JSON API. Nothing here knows about Interakt. */
@RestController
public class SignupController {
    private static final String FORM = """
            <!doctype html>
            <title>Sign up</title>
            <form method="post" action="signup" enctype="multipart/form-data">
              <label>Email <input name="email" type="email" required></label>
              <label>Name <input name="name"></label>
              <label>Password <input name="password" type="password" required></label>
              <label>Avatar <input name="avatar" type="file"></label>
              <button>Sign up</button>
            </form>
            """;

    /** The JSON API's request body. */
    public record SignupRequest(String email, String name, String password) {
    }

    @GetMapping(path = "/hello", produces = MediaType.TEXT_PLAIN_VALUE)
    public String hello() {
        return "Hello from the Spring Boot starter example. Sign up at /signup\n";
    }

    @GetMapping(path = "/signup", produces = MediaType.TEXT_HTML_VALUE)
    public String form() {
        return FORM;
    }

    /** Form posts, urlencoded or multipart: Spring binds both to request parameters. */
    @PostMapping(path = "/signup", produces = MediaType.TEXT_PLAIN_VALUE)
    public ResponseEntity<String> signup(@RequestParam(required = false) String email, @RequestParam(required = false) String name,
            @RequestParam(required = false) String password) {
        if (email == null || email.isBlank() || password == null) {
            return ResponseEntity.badRequest().body("email and password are required\n");
        }
        return ResponseEntity.status(HttpStatus.CREATED).body("Welcome, " + (name == null || name.isBlank() ? email : name) + "!\n");
    }

    @PostMapping(path = "/api/signup", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, String>> apiSignup(@RequestBody SignupRequest request) {
        if (request.email() == null || request.email().isBlank()) {
            return ResponseEntity.badRequest().body(Map.of("error", "email is required"));
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("status", "created"));
    }

    /** Not a signup page: its posts are never captured, whatever fields they carry. */
    @PostMapping(path = "/contact", produces = MediaType.TEXT_PLAIN_VALUE)
    public String contact(@RequestParam(required = false) String email, @RequestParam(required = false) String message) {
        return "Thanks, we will answer " + email + ".\n";
    }
}
