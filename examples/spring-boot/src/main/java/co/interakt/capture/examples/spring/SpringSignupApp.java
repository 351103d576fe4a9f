package co.interakt.capture.examples.spring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A signup app as a Spring Boot executable jar (the version its pom names; no version here, as the
 * javax twin is generated from this source). Run it with the agent, no change to the code:
 * <pre>
 * java -javaagent:interakt-capture-agent.jar -jar spring-boot-signup.jar
 * </pre>
 * The port is {@code -Dserver.port=...} (default 8080).
 */
@SpringBootApplication
public class SpringSignupApp {
    public static void main(String[] args) {
        SpringApplication.run(SpringSignupApp.class, args);
    }
}
