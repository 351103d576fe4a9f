package co.interakt.capture.examples.starter;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A signup app that captures its signups with {@code interakt-capture-spring-boot-starter}: no
 * Interakt code, only the dependency and {@code application.properties}. Run it with
 * <pre>
 * INTERAKT_APP_ID=... INTERAKT_API_KEY=... java -jar spring-boot-starter-signup.jar
 * </pre>
 * (without the two variables it runs in dry-run mode and logs what it would send).
 */
@SpringBootApplication
public class StarterSignupApp {
    public static void main(String[] args) {
        SpringApplication.run(StarterSignupApp.class, args);
    }
}
