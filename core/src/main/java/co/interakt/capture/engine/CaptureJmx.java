package co.interakt.capture.engine;

import java.util.Map;

/** The MXBean view of an engine: each getter reads the live counters. */
final class CaptureJmx implements CaptureMXBean {
    static final String OBJECT_NAME = "co.interakt.capture:type=Capture";

    private final CaptureMetrics metrics;

    CaptureJmx(CaptureMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public long getMatched() {
        return metrics.snapshot().matched();
    }

    @Override
    public long getCaptured() {
        return metrics.snapshot().captured();
    }

    @Override
    public long getSkipped() {
        return metrics.snapshot().skippedTotal();
    }

    @Override
    public Map<String, Long> getSkippedByReason() {
        return metrics.snapshot().skipped();
    }

    @Override
    public long getInternalErrors() {
        return metrics.snapshot().internalErrors();
    }

    @Override
    public String getLastSkipReason() {
        return metrics.snapshot().lastSkipReason();
    }

    @Override
    public String getLastSkipAt() {
        var at = metrics.snapshot().lastSkipAt();
        return at == null ? null : at.toString();
    }
}
