package co.interakt.capture.it;

import co.interakt.capture.sandbox.InteraktSandbox;
import java.util.List;

/**
 * The servlets' WAR with InteraktCaptureFilter declared in its web.xml (signup paths as an
 * init-param), no agent: captured with the settings, compared with the same WAR run with
 * {@code -Dinterakt.enabled=false}.
 */
abstract class FilterScenario extends SignupScenario {
    @Override
    protected List<String> captureOptions() {
        return ItSetup.concat(ItSetup.settings(sandbox), ItSetup.verboseCaptureLogging());
    }

    @Override
    protected List<String> baselineOptions() {
        return ItSetup.concat(disabled(sandbox), ItSetup.verboseCaptureLogging());
    }

    private static List<String> disabled(InteraktSandbox sandbox) {
        return ItSetup.concat(ItSetup.settings(sandbox), List.of("-Dinterakt.enabled=false"));
    }

    @Override
    protected List<Shape> shapes() {
        return Shapes.servlets();
    }
}
