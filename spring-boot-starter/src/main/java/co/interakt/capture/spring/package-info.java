/**
 * The Spring Boot starter: auto-configuration that registers the capture filter in a servlet web
 * application, configured from Spring's {@code Environment} (the same {@code interakt.*} keys as
 * every other way in), with Micrometer meters, an Actuator endpoint and a health contributor.
 * Compiled once, it runs on Spring Boot 3.5 and 4.0: what differs (the health API) lives in
 * separate configuration classes guarded by {@code @ConditionalOnClass}.
 */
package co.interakt.capture.spring;
