package co.interakt.capture.spring;

import co.interakt.capture.config.CaptureConfig;
import co.interakt.capture.config.CaptureRule;
import co.interakt.capture.config.DeliverySettings;
import co.interakt.capture.engine.CaptureMetrics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * {@code /actuator/interakt}: the effective configuration (rules, target, dry-run, queue, spool;
 * never the API key or the trust store password) and the counters. Expose it like any endpoint:
 * {@code management.endpoints.web.exposure.include=health,metrics,interakt}.
 */
@Endpoint(id = "interakt")
public class InteraktEndpoint {
    private final InteraktCapture capture;

    InteraktEndpoint(InteraktCapture capture) {
        this.capture = capture;
    }

    @ReadOperation
    public Map<String, Object> interakt() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("running", capture.isRunning());
        body.put("configuration", configuration(capture.config()));
        body.put("capture", counts(capture.captureCounts()));
        Map<String, Object> delivery = new LinkedHashMap<>();
        capture.delivery().ifPresentOrElse(m -> {
            delivery.put("submitted", m.submitted());
            delivery.put("sent", m.sent());
            delivery.put("retried", m.retried());
            delivery.put("dropped", m.dropped());
            delivery.put("failed", m.failed());
            delivery.put("failedByReason", m.failedByReason());
            delivery.put("queueDepth", m.queueDepth());
            delivery.put("queueCapacity", m.queueCapacity());
            delivery.put("lastError", m.lastError());
            delivery.put("lastErrorAt", m.lastErrorAt() == null ? null : m.lastErrorAt().toString());
        }, () -> delivery.put("dryRunLogged", capture.dryRunLogged()));
        capture.spool().ifPresent(s -> {
            delivery.put("spoolOutstanding", s.outstanding());
            delivery.put("spoolUsedBytes", s.usedBytes());
        });
        body.put("delivery", delivery);
        return body;
    }

    private static Map<String, Object> configuration(CaptureConfig config) {
        DeliverySettings d = config.delivery();
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("enabled", config.enabled());
        c.put("dryRun", d.dryRun());
        c.put("baseUrl", d.baseUrl().toString());
        c.put("targetHost", d.baseUrl().getHost());
        c.put("appId", d.appId());
        c.put("apiKeySet", d.apiKey() != null);
        c.put("maxBodyBytes", config.maxBodyBytes());
        c.put("maxValueLength", config.maxValueLength());
        c.put("queueCapacity", d.queueCapacity());
        c.put("retryMaxAttempts", d.maxAttempts());
        c.put("shutdownGrace", d.shutdownGrace().toString());
        c.put("spoolDir", d.spool().enabled() ? String.valueOf(d.spool().dir()) : null);
        c.put("spoolMaxBytes", d.spool().enabled() ? d.spool().maxBytes() : null);
        List<Map<String, Object>> rules = new ArrayList<>();
        for (CaptureRule rule : config.rules()) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("name", rule.name());
            r.put("paths", rule.paths().stream().map(Object::toString).toList());
            r.put("methods", rule.methods().stream().sorted().toList());
            r.put("target", rule.target().path());
            r.put("successStatus", String.valueOf(rule.successStatus()));
            rules.add(r);
        }
        c.put("rules", rules);
        return c;
    }

    private static Map<String, Object> counts(CaptureMetrics.Snapshot s) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("matched", s.matched());
        c.put("captured", s.captured());
        c.put("skipped", s.skipped());
        c.put("internalErrors", s.internalErrors());
        return c;
    }
}
