/**
 * The Jakarta Servlet filter and its auto-registration: how the servlet layer in
 * {@code co.interakt.capture.servlet} is attached to a web application without an agent.
 */
package co.interakt.capture.filter;
