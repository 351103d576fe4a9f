package co.interakt.capture.filter;

import co.interakt.capture.filter.harness.Containers;
import org.junit.jupiter.api.Nested;

/** The reliability and security suite (docs/reliability.md) on real embedded Jetty 12. */
class ReliabilityOnJetty12IT {
    private static final Containers CONTAINER = Containers.JETTY_12;

    @Nested
    class Faults extends FaultScenarios {
        Faults() {
            super(CONTAINER);
        }
    }

    @Nested
    class BadInput extends BadInputScenarios {
        BadInput() {
            super(CONTAINER);
        }
    }

    @Nested
    class Security extends SecurityScenarios {
        Security() {
            super(CONTAINER);
        }
    }
}
