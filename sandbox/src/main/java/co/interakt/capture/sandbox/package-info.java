/** A local server that speaks Interakt's members and leads API, for the demo and the tests. */
package co.interakt.capture.sandbox;
