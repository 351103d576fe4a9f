package co.interakt.capture.filter;

import co.interakt.capture.filter.harness.Containers;

/** Request shapes real applications produce (Jackson, Gson, Spring-style multipart, slow clients) on real embedded Tomcat 11. */
class RealAppsOnTomcat11IT extends RealParsersScenarios {
    RealAppsOnTomcat11IT() {
        super(Containers.TOMCAT_11);
    }
}
