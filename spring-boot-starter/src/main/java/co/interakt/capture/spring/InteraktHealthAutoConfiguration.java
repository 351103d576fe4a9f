package co.interakt.capture.spring;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code interakt} health component. Boot 4 moved the health API to
 * {@code org.springframework.boot.health.contributor}; each version gets its own configuration,
 * and a class naming the other version's API is never loaded.
 */
@AutoConfiguration(after = InteraktCaptureAutoConfiguration.class)
@ConditionalOnBean(InteraktCapture.class)
public class InteraktHealthAutoConfiguration {
    static final String BOOT3_HEALTH = "org.springframework.boot.actuate.health.HealthIndicator";
    static final String BOOT4_HEALTH = "org.springframework.boot.health.contributor.HealthIndicator";

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = BOOT3_HEALTH)
    static class Boot3 {
        @Bean
        Boot3HealthIndicator interaktHealthIndicator(InteraktCapture capture) {
            return new Boot3HealthIndicator(new DeliveryHealth(capture));
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = BOOT4_HEALTH)
    @ConditionalOnMissingClass(BOOT3_HEALTH)
    static class Boot4 {
        @Bean
        Boot4HealthIndicator interaktHealthIndicator(InteraktCapture capture) {
            return new Boot4HealthIndicator(new DeliveryHealth(capture));
        }
    }
}
