/** Measurements run by hand (see the run-*.sh scripts), never as tests. */
package co.interakt.capture.benchmarks;
