/**
 * What the woven filters and servlets call: resolved from the agent jar through the system class
 * loader, or from a copy on the bootstrap class path for loaders that do not delegate there. JDK
 * types only; nothing else of the agent belongs here.
 */
package co.interakt.capture.agent.bootstrap;
