package co.interakt.capture.delivery;

import co.interakt.capture.delivery.spool.SpoolStatus;
import java.util.Map;

/** The MXBean view of a sender: each getter reads the live counters. */
final class SenderJmx implements SenderMXBean {
    private final InteraktSender sender;

    SenderJmx(InteraktSender sender) {
        this.sender = sender;
    }

    @Override
    public long getSubmitted() {
        return sender.metrics().submitted();
    }

    @Override
    public long getSent() {
        return sender.metrics().sent();
    }

    @Override
    public long getRetried() {
        return sender.metrics().retried();
    }

    @Override
    public long getDropped() {
        return sender.metrics().dropped();
    }

    @Override
    public long getFailed() {
        return sender.metrics().failed();
    }

    @Override
    public Map<String, Long> getFailedByReason() {
        return sender.metrics().failedByReason();
    }

    @Override
    public int getQueueDepth() {
        return sender.metrics().queueDepth();
    }

    @Override
    public int getQueueCapacity() {
        return sender.metrics().queueCapacity();
    }

    @Override
    public String getLastError() {
        return sender.metrics().lastError();
    }

    @Override
    public String getLastErrorAt() {
        var at = sender.metrics().lastErrorAt();
        return at == null ? null : at.toString();
    }

    @Override
    public String getBaseUrl() {
        return sender.settings().baseUrl().toString();
    }

    @Override
    public long getSpoolOutstanding() {
        return sender.spoolStatus().map(SpoolStatus::outstanding).orElse(0L);
    }

    @Override
    public long getSpoolUsedBytes() {
        return sender.spoolStatus().map(SpoolStatus::usedBytes).orElse(0L);
    }
}
