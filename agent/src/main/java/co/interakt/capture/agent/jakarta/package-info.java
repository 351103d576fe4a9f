/**
 * The agent's code compiled against {@code jakarta.servlet}. Loaded only through a
 * {@link co.interakt.capture.agent.BridgeClassLoader} next to the application's servlet API.
 */
package co.interakt.capture.agent.jakarta;
