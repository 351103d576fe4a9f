package co.interakt.capture.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The ASCII / ISO-8859-1 shortcut gives exactly what the JDK's strict decoder gives, refusals included. */
class StrictDecoderTest {
    private static final List<Charset> CHARSETS = List.of(StandardCharsets.UTF_8, StandardCharsets.US_ASCII,
            StandardCharsets.ISO_8859_1, StandardCharsets.UTF_16, Charset.forName("windows-1252"));

    /** The JDK's strict decoding, or null when it refuses the bytes. */
    private static String reference(byte[] bytes, int offset, int length, Charset charset) {
        try {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, length)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static String decodeOrNull(byte[] bytes, int offset, int length, Charset charset) {
        try {
            return StrictDecoder.decode(bytes, offset, length, charset);
        } catch (ExtractionFailure e) {
            assertEquals(SkipReasons.INVALID_ENCODING, e.reason());
            return null;
        }
    }

    @Test
    void asciiIsTheSameInEveryAsciiCompatibleCharset() {
        byte[] ascii = "email=ann@example.com plan:pro\t~".getBytes(StandardCharsets.US_ASCII);
        for (Charset charset : CHARSETS) {
            assertEquals(reference(ascii, 6, 15, charset), decodeOrNull(ascii, 6, 15, charset), charset.name());
        }
        assertEquals("ann@example.com", StrictDecoder.decode(ascii, 6, 15, StandardCharsets.UTF_8));
    }

    @Test
    void asciiLookingBytesInUtf16AreNotTakenForAscii() {
        byte[] bytes = "ab".getBytes(StandardCharsets.US_ASCII);
        assertEquals("\u6162", StrictDecoder.decode(bytes, 0, 2, StandardCharsets.UTF_16));
    }

    @Test
    void nonAsciiUtf8IsDecodedAndInvalidUtf8Refused() {
        byte[] valid = "J\u00fcrgen \u20ac \uD83D\uDE00".getBytes(StandardCharsets.UTF_8);
        assertEquals("J\u00fcrgen \u20ac \uD83D\uDE00", StrictDecoder.decode(valid, 0, valid.length, StandardCharsets.UTF_8));
        byte[] invalid = {'a', (byte) 0xC3, '('};
        ExtractionFailure failure = assertThrows(ExtractionFailure.class,
                () -> StrictDecoder.decode(invalid, 0, invalid.length, StandardCharsets.UTF_8));
        assertEquals(SkipReasons.INVALID_ENCODING, failure.reason());
    }

    @Test
    void nonAsciiIsRefusedInUsAscii() {
        byte[] bytes = {'a', (byte) 0xE9};
        assertThrows(ExtractionFailure.class, () -> StrictDecoder.decode(bytes, 0, 2, StandardCharsets.US_ASCII));
    }

    @Test
    void everyByteDecodesInIso88591AsTheJdkDoes() {
        byte[] all = new byte[256];
        for (int i = 0; i < all.length; i++) {
            all[i] = (byte) i;
        }
        assertEquals(reference(all, 0, 256, StandardCharsets.ISO_8859_1), StrictDecoder.decode(all, 0, 256, StandardCharsets.ISO_8859_1));
    }

    @Test
    void randomBytesDecodeAsTheJdkDoes() {
        Random random = new Random(42);
        for (int round = 0; round < 5_000; round++) {
            byte[] bytes = new byte[1 + random.nextInt(12)];
            for (int i = 0; i < bytes.length; i++) {
                // Mostly ASCII, sometimes not, so both paths and their boundary are exercised.
                bytes[i] = (byte) (random.nextInt(10) < 8 ? random.nextInt(0x80) : random.nextInt(256));
            }
            int offset = random.nextInt(bytes.length);
            int length = random.nextInt(bytes.length - offset + 1);
            for (Charset charset : CHARSETS) {
                assertEquals(reference(bytes, offset, length, charset), decodeOrNull(bytes, offset, length, charset),
                        charset.name() + " round " + round);
            }
        }
    }
}
