package co.interakt.capture.delivery;

import co.interakt.capture.config.DeliverySettings;

/** Chooses the sink for a configuration: the dry-run logger, or the asynchronous HTTP sender. */
public final class Sinks {
    private static final System.Logger LOG = System.getLogger(Sinks.class.getName());

    private Sinks() {
    }

    /**
     * The dry-run logger when {@code dryRun} is set or a credential is missing (the loader already
     * makes dry-run the default then; this only guards a hand-built settings object), else a
     * started {@link InteraktSender}.
     */
    public static PayloadSink create(DeliverySettings settings) {
        if (settings.dryRun() || settings.appId() == null || settings.apiKey() == null) {
            return new DryRunSink(settings);
        }
        return InteraktSender.start(settings);
    }

    /**
     * Closes the sink when the JVM exits, so pending payloads get the shutdown grace period. For
     * the -javaagent (no container lifecycle); a webapp closes its sink when it is undeployed.
     * Returns the hook so it can be removed with {@code Runtime.removeShutdownHook}.
     */
    public static Thread closeOnJvmExit(PayloadSink sink) {
        Thread hook = new Thread(() -> {
            try {
                sink.close();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.DEBUG, "closing the Interakt sink at JVM exit failed: {0}", e.toString());
            }
        }, "interakt-capture-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        return hook;
    }
}
