package co.interakt.capture.extract;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes bytes and refuses invalid ones instead of replacing them: a body that is not valid in its
 * declared charset is not a trustworthy signup, and replacement characters would end up in Interakt.
 */
final class StrictDecoder {
    private StrictDecoder() {
    }

    static String decode(byte[] bytes, int offset, int length, Charset charset) {
        return decode(bytes, offset, length, charset, isAscii(bytes, offset, length));
    }

    /** As {@link #decode(byte[], int, int, Charset)}, for a caller that already knows whether the bytes are all ASCII. */
    static String decode(byte[] bytes, int offset, int length, Charset charset, boolean ascii) {
        if (length == 0) {
            return "";
        }
        // Fast path, same result: ISO-8859-1 maps every byte to the same char, and ASCII bytes mean
        // the same in UTF-8 and US-ASCII, so no decoder (and none of its allocations) is needed.
        if (charset.equals(StandardCharsets.ISO_8859_1)
                || ascii && (charset.equals(StandardCharsets.UTF_8) || charset.equals(StandardCharsets.US_ASCII))) {
            return new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
        }
        try {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, length))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new ExtractionFailure(SkipReasons.INVALID_ENCODING);
        }
    }

    private static boolean isAscii(byte[] bytes, int offset, int length) {
        for (int i = offset, end = offset + length; i < end; i++) {
            if (bytes[i] < 0) {
                return false;
            }
        }
        return true;
    }
}
