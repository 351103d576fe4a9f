package co.interakt.capture.filter;

import co.interakt.capture.filter.harness.Containers;
import org.junit.jupiter.api.Nested;

/**
 * Every scenario on real embedded Tomcat 11. One top-level class per container keeps
 * Surefire's reports and summary counting each container's runs separately.
 */
class OnTomcat11IT {
    private static final Containers CONTAINER = Containers.TOMCAT_11;

    @Nested
    class FilterCapture extends FilterCaptureScenarios {
        FilterCapture() {
            super(CONTAINER);
        }
    }

    @Nested
    class AsyncCapture extends AsyncCaptureScenarios {
        AsyncCapture() {
            super(CONTAINER);
        }
    }

    @Nested
    class Differential extends DifferentialScenarios {
        Differential() {
            super(CONTAINER);
        }
    }

    @Nested
    class SuccessStatus extends SuccessStatusScenarios {
        SuccessStatus() {
            super(CONTAINER);
        }
    }

    @Nested
    class AutoRegistration extends AutoRegistrationScenarios {
        AutoRegistration() {
            super(CONTAINER);
        }
    }
}
