package co.interakt.capture.spring;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/** {@link DeliveryHealth} for Spring Boot 4 ({@code org.springframework.boot.health.contributor}). */
final class Boot4HealthIndicator implements HealthIndicator {
    private final DeliveryHealth health;

    Boot4HealthIndicator(DeliveryHealth health) {
        this.health = health;
    }

    @Override
    public Health health() {
        DeliveryHealth.Verdict verdict = health.check();
        return Health.status(verdict.status()).withDetails(verdict.details()).build();
    }
}
