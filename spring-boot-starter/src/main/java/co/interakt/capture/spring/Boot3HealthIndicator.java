package co.interakt.capture.spring;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/** {@link DeliveryHealth} for Spring Boot 3 ({@code org.springframework.boot.actuate.health}). */
final class Boot3HealthIndicator implements HealthIndicator {
    private final DeliveryHealth health;

    Boot3HealthIndicator(DeliveryHealth health) {
        this.health = health;
    }

    @Override
    public Health health() {
        DeliveryHealth.Verdict verdict = health.check();
        return Health.status(verdict.status()).withDetails(verdict.details()).build();
    }
}
