package co.interakt.capture.benchmarks;

import co.interakt.capture.delivery.PayloadSink;
import co.interakt.capture.payload.InteraktPayload;

/**
 * A sink that keeps nothing but a count and the last payload: isolates the request thread's own
 * work (match, record, extract, map) from the queue hand-off, which
 * {@link SignupWithSenderBenchmark} measures with the real sender. Single-threaded use.
 */
final class CountingSink implements PayloadSink {
    private long submitted;
    private InteraktPayload last;

    @Override
    public boolean submit(InteraktPayload payload) {
        submitted++;
        last = payload;
        return true;
    }

    long submitted() {
        return submitted;
    }

    InteraktPayload last() {
        return last;
    }

    @Override
    public void close() {
        // nothing to deliver
    }
}
