/**
 * What the woven filters and servlets call, placed on the bootstrap class path at start-up so every
 * class loader resolves it. JDK types only; nothing else of the agent belongs here.
 */
package co.interakt.capture.agent.bootstrap;
