/**
 * The servlets of a small signup site, as any application would write them: the examples run them
 * in embedded Jetty, embedded Tomcat and a WAR, unchanged, with Interakt Capture attached from
 * outside (the agent) or added beside them (the filter).
 */
package co.interakt.capture.examples.servlets;
