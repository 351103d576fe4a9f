/**
 * The {@code -javaagent}: attaches the servlet layer to any servlet application, whether on
 * {@code jakarta.servlet} or {@code javax.servlet}, without a change to the application: a JDK
 * class file transformer ({@link co.interakt.capture.agent.ServletTransformer}) weaves, with Byte
 * Buddy's ASM, a call to the dispatcher around the filters' and servlets' entry methods.
 *
 * <p>Three class loaders take part. The woven code, in the application's filters and servlets,
 * calls only {@link co.interakt.capture.agent.bootstrap.Dispatcher}, which the system class
 * loader defines from the agent jar (or, for loaders that do not delegate to it, a copy on the
 * bootstrap class path). The engine and its libraries (relocated) stay in the agent's own loader,
 * one per JVM. The servlet-layer classes, compiled against the servlet API, are defined per
 * servlet API class loader by a {@link co.interakt.capture.agent.BridgeClassLoader}.
 */
package co.interakt.capture.agent;
