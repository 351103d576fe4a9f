/**
 * The servlet layer shared by the filter and the agent: a request wrapper that records the body as
 * the application reads it, and the after-the-answer decision that hands a servlet-free snapshot
 * to the engine. Nothing here knows how it was attached to the application.
 */
package co.interakt.capture.servlet;
