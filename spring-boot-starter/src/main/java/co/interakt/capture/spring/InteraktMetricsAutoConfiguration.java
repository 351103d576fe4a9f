package co.interakt.capture.spring;

import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/** Micrometer meters of the capture, when Micrometer is on the class path (see {@link CaptureMeters}). */
@AutoConfiguration(after = InteraktCaptureAutoConfiguration.class)
@ConditionalOnClass(MeterBinder.class)
@ConditionalOnBean(InteraktCapture.class)
public class InteraktMetricsAutoConfiguration {
    @Bean
    MeterBinder interaktCaptureMeters(InteraktCapture capture) {
        return new CaptureMeters(capture);
    }
}
