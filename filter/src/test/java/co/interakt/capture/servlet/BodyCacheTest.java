package co.interakt.capture.servlet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BodyCacheTest {

    @Test
    void keepsBytesUpToTheCapThenMarksOverflow() {
        BodyCache cache = new BodyCache(5);
        cache.append(new byte[] {1, 2, 3}, 0, 3);
        cache.append(new byte[] {4, 5, 6, 7}, 0, 4);
        cache.append(8);

        assertArrayEquals(new byte[] {1, 2, 3, 4, 5}, cache.toByteArray());
        assertTrue(cache.overflowed());
    }

    @Test
    void aBodyOfExactlyTheCapIsNotAnOverflow() {
        BodyCache cache = new BodyCache(4);
        cache.append(new byte[] {1, 2, 3, 4}, 0, 4);
        cache.end();

        assertFalse(cache.overflowed());
        assertTrue(cache.endSeen());
    }

    @Test
    void growsWithWhatIsReadNotWithTheCap() {
        BodyCache cache = new BodyCache(10_000_000);
        cache.append(new byte[] {1, 2, 3}, 0, 3);

        assertTrue(cache.bytes().length < 1024, "allocated " + cache.bytes().length);
    }

    @Test
    void aDeclaredLengthSizesTheFirstBufferOnceBytesArriveButNeverPastTheCap() {
        BodyCache declared = new BodyCache(10_000, 1024);
        assertEquals(0, declared.bytes().length, "nothing allocated before the body arrives");
        declared.append(new byte[600], 0, 600);
        declared.append(new byte[424], 0, 424);
        assertEquals(1024, declared.bytes().length);
        declared.append(7); // longer than declared: still recorded
        assertEquals(1025, declared.size());
        assertEquals(7, declared.bytes()[1024]);

        BodyCache capped = new BodyCache(100, 1024);
        capped.append(1);
        assertEquals(100, capped.bytes().length);

        BodyCache huge = new BodyCache(10_000_000, 1L << 40);
        huge.append(1);
        assertTrue(huge.bytes().length <= 8 * 1024, "allocated " + huge.bytes().length);
    }

    @ParameterizedTest
    @ValueSource(strings = {"plain ascii", "café crème", "€100 — ok", "emoji 😀 and 𝄞", "日本語のテキスト", ""})
    void charactersAreRecordedAsUtf8EvenWhenASurrogatePairIsSplitAcrossReads(String text) {
        BodyCache cache = new BodyCache(1000);
        for (char c : text.toCharArray()) {
            cache.appendChar(c); // one char per read: the worst case for surrogate pairs
        }

        assertArrayEquals(text.getBytes(StandardCharsets.UTF_8), cache.toByteArray());
    }

    @Test
    void anUnpairedSurrogateIsRecordedTheWayStringEncodingDoes() {
        String text = "a\uD83Db\uDE00c";
        BodyCache cache = new BodyCache(100);
        cache.appendChars(text);

        assertArrayEquals(text.getBytes(StandardCharsets.UTF_8), cache.toByteArray());
    }

    @Test
    void aMultiByteCharacterIsNeverCutAtTheCap() {
        BodyCache cache = new BodyCache(4);
        cache.appendChars("ab€"); // 2 + 3 bytes

        assertArrayEquals("ab".getBytes(StandardCharsets.UTF_8), cache.toByteArray());
        assertTrue(cache.overflowed());
    }

    @Test
    void resetGoesBackToTheMarkSoRereadBytesAreNotRecordedTwice() {
        BodyCache cache = new BodyCache(100);
        cache.append(new byte[] {1, 2}, 0, 2);
        cache.mark();
        cache.append(new byte[] {3, 4}, 0, 2);
        cache.reset();
        cache.append(new byte[] {3, 4, 5}, 0, 3);

        assertArrayEquals(new byte[] {1, 2, 3, 4, 5}, cache.toByteArray());
    }

    @Test
    void describesItselfWithoutContent() {
        BodyCache cache = new BodyCache(100);
        cache.appendChars("password=hunter2");

        assertEquals("BodyCache[16/100 bytes]", cache.toString());
    }
}
