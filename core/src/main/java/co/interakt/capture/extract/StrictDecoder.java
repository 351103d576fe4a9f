package co.interakt.capture.extract;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;

/**
 * Decodes bytes and refuses invalid ones instead of replacing them: a body that is not valid in its
 * declared charset is not a trustworthy signup, and replacement characters would end up in Interakt.
 */
final class StrictDecoder {
    private StrictDecoder() {
    }

    static String decode(byte[] bytes, int offset, int length, Charset charset) {
        if (length == 0) {
            return "";
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
}
