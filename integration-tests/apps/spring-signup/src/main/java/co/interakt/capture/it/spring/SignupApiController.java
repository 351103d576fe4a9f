package co.interakt.capture.it.spring;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The JSON API signup: {@code @RequestBody} bound by Spring's Jackson converter; 201 or 400. */
@RestController
public class SignupApiController {

    public record SignupRequest(String email, String name, String city, String password) {
    }

    public record SignupCreated(String email, String status) {
    }

    @PostMapping("/api/signup")
    public ResponseEntity<SignupCreated> signup(@RequestBody SignupRequest request) {
        if (request.email() == null || request.password() == null) {
            return ResponseEntity.badRequest().build();
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(new SignupCreated(request.email(), "created"));
    }
}
