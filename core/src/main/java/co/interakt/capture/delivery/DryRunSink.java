package co.interakt.capture.delivery;

import co.interakt.capture.config.ConfigKeys;
import co.interakt.capture.config.DeliverySettings;
import co.interakt.capture.payload.InteraktPayload;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.LongAdder;

/**
 * Logs, at INFO, the request that would be sent instead of sending it: the default until
 * credentials are configured, so an installation can be checked before it talks to Interakt.
 * Logs the endpoint and the JSON body only; the app id and API key never appear. Runs on the
 * caller's thread (no network, no queue).
 */
public final class DryRunSink implements PayloadSink {
    private static final System.Logger LOG = System.getLogger(DryRunSink.class.getName());

    private final DeliverySettings settings;
    private final LongAdder logged = new LongAdder();
    private volatile boolean closed;

    public DryRunSink(DeliverySettings settings) {
        this.settings = settings;
        if (settings.appId() == null || settings.apiKey() == null) {
            LOG.log(System.Logger.Level.INFO, "Interakt capture in dry-run mode: payloads are logged, not sent. "
                    + "Set {0} and {1} ({2} / {3}) to send them.", ConfigKeys.APP_ID.name(), ConfigKeys.API_KEY.name(),
                    ConfigKeys.APP_ID.envName(), ConfigKeys.API_KEY.envName());
        } else {
            LOG.log(System.Logger.Level.INFO, "Interakt capture in dry-run mode ({0}=true): payloads are logged, not sent.",
                    ConfigKeys.DRY_RUN.name());
        }
    }

    @Override
    public boolean submit(InteraktPayload payload) {
        if (closed || payload == null) {
            return false;
        }
        try {
            String json = new String(payload.toJson(), StandardCharsets.UTF_8);
            LOG.log(System.Logger.Level.INFO, "Interakt dry-run, not sent: POST {0} {1}", settings.endpoint(payload.target()), json);
            logged.increment();
            return true;
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Interakt dry-run: payload could not be encoded: {0}", e.toString());
            return false;
        }
    }

    /** How many payloads were logged. */
    public long logged() {
        return logged.sum();
    }

    @Override
    public void close() {
        closed = true;
    }
}
