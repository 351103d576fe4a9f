package co.interakt.capture.agent;

import co.interakt.capture.config.CaptureConfig;
import co.interakt.capture.config.CaptureRule;
import co.interakt.capture.config.DeliverySettings;
import java.net.URI;
import java.util.StringJoiner;
import java.util.TreeSet;

/**
 * The one line the agent logs when it starts: its version, each rule (name, methods, paths,
 * target) and where payloads go (the base URL's host, or dry-run). Never a credential: the URL's
 * path and the app id are left out too.
 */
final class StartupSummary {
    private StartupSummary() {
    }

    static String describe(String version, String mode, CaptureConfig config) {
        StringJoiner rules = new StringJoiner("; ");
        for (CaptureRule rule : config.rules()) {
            StringJoiner paths = new StringJoiner(",");
            rule.paths().forEach(p -> paths.add(p.toString()));
            rules.add(rule.name() + ": " + String.join(",", new TreeSet<>(rule.methods())) + " " + paths + " -> " + rule.target().path());
        }
        return "Interakt capture agent " + version + " (" + mode + "): " + config.rules().size() + " rule(s) [" + rules + "], "
                + destination(config.delivery());
    }

    private static String destination(DeliverySettings delivery) {
        if (delivery.dryRun()) {
            return "dry-run (payloads are logged, not sent)";
        }
        URI base = delivery.baseUrl();
        return "sending to " + base.getHost() + (base.getPort() < 0 ? "" : ":" + base.getPort());
    }

    /** From the agent jar's manifest; {@code dev} when running from classes (tests). */
    static String version() {
        String version = StartupSummary.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }
}
