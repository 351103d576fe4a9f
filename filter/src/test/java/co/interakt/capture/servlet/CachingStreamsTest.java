package co.interakt.capture.servlet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Whatever way the application reads, it gets the same bytes/chars, and the cache gets them too. */
class CachingStreamsTest {

    enum ByteStyle {
        SINGLE_BYTES {
            @Override
            byte[] read(ServletInputStream in) throws IOException {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                for (int b; (b = in.read()) >= 0; ) {
                    out.write(b);
                }
                return out.toByteArray();
            }
        },
        ARRAY {
            @Override
            byte[] read(ServletInputStream in) throws IOException {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                byte[] buf = new byte[777];
                for (int n; (n = in.read(buf)) >= 0; ) {
                    out.write(buf, 0, n);
                }
                return out.toByteArray();
            }
        },
        ARRAY_WITH_OFFSET {
            @Override
            byte[] read(ServletInputStream in) throws IOException {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                byte[] buf = new byte[100];
                for (int n; (n = in.read(buf, 10, 50)) >= 0; ) {
                    out.write(buf, 10, n);
                }
                return out.toByteArray();
            }
        },
        READ_ALL_BYTES {
            @Override
            byte[] read(ServletInputStream in) throws IOException {
                return in.readAllBytes();
            }
        },
        TRANSFER_TO {
            @Override
            byte[] read(ServletInputStream in) throws IOException {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                in.transferTo(out);
                return out.toByteArray();
            }
        },
        READ_LINE {
            @Override
            byte[] read(ServletInputStream in) throws IOException {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                byte[] buf = new byte[64];
                for (int n; (n = in.readLine(buf, 0, buf.length)) > 0; ) {
                    out.write(buf, 0, n);
                }
                return out.toByteArray();
            }
        };

        abstract byte[] read(ServletInputStream in) throws IOException;
    }

    enum CharStyle {
        SINGLE_CHARS {
            @Override
            String read(BufferedReader in) throws IOException {
                StringBuilder out = new StringBuilder();
                for (int c; (c = in.read()) >= 0; ) {
                    out.append((char) c);
                }
                return out.toString();
            }
        },
        ARRAY {
            @Override
            String read(BufferedReader in) throws IOException {
                StringBuilder out = new StringBuilder();
                char[] buf = new char[333];
                for (int n; (n = in.read(buf)) >= 0; ) {
                    out.append(buf, 0, n);
                }
                return out.toString();
            }
        },
        CHAR_BUFFER {
            @Override
            String read(BufferedReader in) throws IOException {
                StringBuilder out = new StringBuilder();
                CharBuffer buf = CharBuffer.allocate(100);
                while (in.read(buf) >= 0) {
                    buf.flip();
                    out.append(buf);
                    buf.clear();
                }
                return out.toString();
            }
        },
        TRANSFER_TO {
            @Override
            String read(BufferedReader in) throws IOException {
                StringWriter out = new StringWriter();
                in.transferTo(out);
                return out.toString();
            }
        },
        LINES {
            @Override
            String read(BufferedReader in) {
                return in.lines().collect(Collectors.joining("\n"));
            }
        };

        abstract String read(BufferedReader in) throws IOException;
    }

    private static final byte[] BINARY = new byte[20_000];
    private static final String TEXT = "{\"email\":\"ana@example.com\",\n\"name\":\"Ana Müller 😀\",\n\"city\":\"Zürich\"}";

    static {
        new Random(42).nextBytes(BINARY);
        for (int i = 0; i < BINARY.length; i += 97) {
            BINARY[i] = '\n'; // so readLine has lines to find
        }
    }

    @ParameterizedTest
    @EnumSource(ByteStyle.class)
    void theApplicationReadsTheSameBytesAndTheCacheHasThem(ByteStyle style) throws IOException {
        BodyCache cache = new BodyCache(1_000_000);
        byte[] read = style.read(new CachingInputStream(new FakeInputStream(BINARY), cache));

        assertArrayEquals(BINARY, read);
        assertArrayEquals(BINARY, cache.toByteArray());
        assertFalse(cache.overflowed());
    }

    @ParameterizedTest
    @EnumSource(ByteStyle.class)
    void pastTheCapTheApplicationStillReadsEverything(ByteStyle style) throws IOException {
        BodyCache cache = new BodyCache(1000);
        byte[] read = style.read(new CachingInputStream(new FakeInputStream(BINARY), cache));

        assertArrayEquals(BINARY, read);
        assertEquals(1000, cache.size());
        assertArrayEquals(java.util.Arrays.copyOf(BINARY, 1000), cache.toByteArray());
        assertTrue(cache.overflowed());
    }

    @ParameterizedTest
    @EnumSource(CharStyle.class)
    void theApplicationReadsTheSameCharsAndTheCacheHasThemAsUtf8(CharStyle style) throws IOException {
        BodyCache cache = new BodyCache(1_000_000);
        String read = style.read(new CachingReader(new BufferedReader(new StringReader(TEXT)), cache));

        assertEquals(TEXT, read);
        assertEquals(TEXT, new String(cache.toByteArray(), StandardCharsets.UTF_8));
    }

    @Test
    void readLineRecordsLinesJoinedByNewlines() throws IOException {
        BodyCache cache = new BodyCache(1000);
        BufferedReader reader = new CachingReader(new BufferedReader(new StringReader("a=1\r\nb=2\r\n")), cache);
        while (reader.readLine() != null) {
            // read all
        }

        assertEquals("a=1\nb=2", new String(cache.toByteArray(), StandardCharsets.UTF_8));
        assertTrue(cache.endSeen());
    }

    @Test
    void skippedBytesLeaveAGap() throws IOException {
        BodyCache cache = new BodyCache(1000);
        ServletInputStream in = new CachingInputStream(new FakeInputStream(new byte[] {1, 2, 3, 4}), cache);
        in.read();
        in.skip(2);
        in.read();

        assertTrue(cache.hasGap());
    }

    @Test
    void asyncIoCallsPassThrough() {
        FakeInputStream fake = new FakeInputStream(new byte[0]);
        ServletInputStream in = new CachingInputStream(fake, new BodyCache(10));
        ReadListener listener = new ReadListener() {
            @Override
            public void onDataAvailable() {
            }

            @Override
            public void onAllDataRead() {
            }

            @Override
            public void onError(Throwable t) {
            }
        };
        in.setReadListener(listener);

        assertTrue(in.isReady());
        assertTrue(in.isFinished());
        assertEquals(listener, fake.listener);
    }

    /** A container's stream over fixed bytes. */
    static final class FakeInputStream extends ServletInputStream {
        private final ByteArrayInputStream in;
        ReadListener listener;

        FakeInputStream(byte[] body) {
            this.in = new ByteArrayInputStream(body);
        }

        @Override
        public int read() {
            return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
            return in.read(b, off, len);
        }

        @Override
        public int available() {
            return in.available();
        }

        @Override
        public boolean isFinished() {
            return in.available() == 0;
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setReadListener(ReadListener readListener) {
            this.listener = readListener;
        }
    }
}
