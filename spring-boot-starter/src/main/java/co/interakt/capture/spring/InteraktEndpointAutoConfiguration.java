package co.interakt.capture.spring;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/** The {@code /actuator/interakt} endpoint, when Actuator is on the class path (the same package in Boot 3.5 and 4.0). */
@AutoConfiguration(after = InteraktCaptureAutoConfiguration.class)
@ConditionalOnClass(Endpoint.class)
@ConditionalOnBean(InteraktCapture.class)
public class InteraktEndpointAutoConfiguration {
    @Bean
    InteraktEndpoint interaktEndpoint(InteraktCapture capture) {
        return new InteraktEndpoint(capture);
    }
}
