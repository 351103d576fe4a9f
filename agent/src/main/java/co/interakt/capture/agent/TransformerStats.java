package co.interakt.capture.agent;

import java.util.concurrent.atomic.LongAdder;

/**
 * What the class file transformer did and what it cost, for the start-up breakdown: classes seen,
 * classes whose constant pool was walked, classes read further because a string of theirs starts
 * as a woven method's descriptor does (parsed with ASM), of those the ones type-checked (they
 * declare a method to weave: their super types' class files are read), classes woven, and the
 * time spent in the transformer, in all and on the classes read further. Logged at DEBUG (FINE) once, at the first request,
 * when start-up is over ({@link #summary}); counters a transformer thread bumps without a lock.
 */
final class TransformerStats {
    private final LongAdder seen = new LongAdder();
    private final LongAdder walked = new LongAdder();
    private final LongAdder readFurther = new LongAdder();
    private final LongAdder checked = new LongAdder();
    private final LongAdder woven = new LongAdder();
    private final LongAdder nanos = new LongAdder();
    private final LongAdder furtherNanos = new LongAdder();

    void seen(long elapsedNanos) {
        seen.increment();
        nanos.add(elapsedNanos);
    }

    void walked() {
        walked.increment();
    }

    void readFurther(long elapsedNanos) {
        readFurther.increment();
        furtherNanos.add(elapsedNanos);
    }

    void checked() {
        checked.increment();
    }

    void woven() {
        woven.increment();
    }

    long seenCount() {
        return seen.sum();
    }

    long walkedCount() {
        return walked.sum();
    }

    long readFurtherCount() {
        return readFurther.sum();
    }

    long checkedCount() {
        return checked.sum();
    }

    long wovenCount() {
        return woven.sum();
    }

    /** One line, e.g. for the log at the first request. */
    String summary() {
        long classes = seen.sum();
        long total = nanos.sum();
        return classes + " classes seen, " + walked.sum() + " constant pools walked, " + readFurther.sum() + " read further, "
                + checked.sum() + " type-checked, " + woven.sum() + " woven; " + millis(total) + " ms in the transformer ("
                + (classes == 0 ? 0 : total / classes / 100 / 10.0) + " µs per class), of which " + millis(furtherNanos.sum())
                + " ms on the classes read further";
    }

    private static String millis(long nanos) {
        return String.valueOf(nanos / 100_000 / 10.0);
    }
}
