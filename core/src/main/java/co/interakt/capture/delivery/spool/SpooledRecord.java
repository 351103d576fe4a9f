package co.interakt.capture.delivery.spool;

import co.interakt.capture.config.Target;

/**
 * A payload as the spool holds it: the target and the exact JSON bytes that go on the wire, plus
 * where it sits in the journal so {@link Spool#acknowledge} can retire it.
 */
public final class SpooledRecord {
    private final Target target;
    private final byte[] json;
    private final Segment segment;
    private final int index;

    SpooledRecord(Target target, byte[] json, Segment segment, int index) {
        this.target = target;
        this.json = json;
        this.segment = segment;
        this.index = index;
    }

    public Target target() {
        return target;
    }

    /** The body to POST, byte for byte as it was captured. Not copied: do not modify it. */
    public byte[] json() {
        return json;
    }

    Segment segment() {
        return segment;
    }

    int index() {
        return index;
    }
}
