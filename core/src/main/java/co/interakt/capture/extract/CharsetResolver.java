package co.interakt.capture.extract;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;

/** Turns a declared charset name into a {@link Charset}; an unknown name fails the extraction. */
final class CharsetResolver {
    private CharsetResolver() {
    }

    /** {@code fallback} when nothing is declared; {@link SkipReasons#UNSUPPORTED_CHARSET} when unknown. */
    static Charset resolve(String declared, Charset fallback) {
        if (declared == null || declared.isBlank()) {
            return fallback;
        }
        try {
            return Charset.forName(declared.trim());
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new ExtractionFailure(SkipReasons.UNSUPPORTED_CHARSET);
        }
    }
}
