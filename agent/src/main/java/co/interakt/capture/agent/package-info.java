/** Placeholder until this module's issue lands. */
package co.interakt.capture.agent;
