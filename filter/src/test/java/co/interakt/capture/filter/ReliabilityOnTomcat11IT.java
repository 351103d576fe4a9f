package co.interakt.capture.filter;

import co.interakt.capture.filter.harness.Containers;
import org.junit.jupiter.api.Nested;

/** The reliability and security suite (docs/reliability.md) on real embedded Tomcat 11. */
class ReliabilityOnTomcat11IT {
    private static final Containers CONTAINER = Containers.TOMCAT_11;

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
