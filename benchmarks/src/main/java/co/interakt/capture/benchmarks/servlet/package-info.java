/**
 * Lightweight in-process servlet objects for the request-path benchmark: just enough of a
 * container (method, path, headers, body, parameters parsed from a form body, attributes,
 * status) for the real filter to run, without the cost of a network stack in the measurement.
 * What they do not support throws {@link java.lang.UnsupportedOperationException}; the benchmark
 * checks before measuring that the filter captured, so a path silently broken by a missing
 * method cannot pass for a fast one.
 */
package co.interakt.capture.benchmarks.servlet;
