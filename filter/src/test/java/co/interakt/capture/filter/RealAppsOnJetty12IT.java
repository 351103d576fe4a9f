package co.interakt.capture.filter;

import co.interakt.capture.filter.harness.Containers;

/** Request shapes real applications produce (Jackson, Gson, Spring-style multipart, slow clients) on real embedded Jetty 12. */
class RealAppsOnJetty12IT extends RealParsersScenarios {
    RealAppsOnJetty12IT() {
        super(Containers.JETTY_12);
    }
}
