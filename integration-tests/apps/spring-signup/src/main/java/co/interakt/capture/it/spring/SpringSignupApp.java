package co.interakt.capture.it.spring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A Spring Boot 3.5 signup app with Boot's defaults; the server is whichever starter the jar carries. */
@SpringBootApplication
public class SpringSignupApp {
    public static void main(String[] args) {
        SpringApplication.run(SpringSignupApp.class, args);
    }
}
