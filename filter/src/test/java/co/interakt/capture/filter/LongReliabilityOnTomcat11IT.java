package co.interakt.capture.filter;

import co.interakt.capture.filter.harness.Containers;
import org.junit.jupiter.api.Nested;

/** The long reliability cases ({@code -Preliability-long}, docs/reliability.md) on real embedded Tomcat 11. */
class LongReliabilityOnTomcat11IT {
    private static final Containers CONTAINER = Containers.TOMCAT_11;

    @Nested
    class Outage extends LongScenarios {
        Outage() {
            super(CONTAINER);
        }
    }
}
