package co.interakt.capture.servlet;

import co.interakt.capture.extract.ContentType;
import co.interakt.capture.extract.SkipReasons;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The text fields of a multipart form the container parsed, read when the application first asks
 * for its parts: frameworks delete the parts before the chain returns (Spring MVC's
 * {@code StandardServletMultipartResolver.cleanupMultipart}, in {@code DispatcherServlet}'s
 * finally block), so later there is nothing left to read. Each read opens a fresh stream on the
 * part, so the application still reads every part in full.
 *
 * @param values     name to values, in the form's order
 * @param skipReason {@code null}, or why the form cannot be captured: over the budget
 *                   ({@code body-too-large}), unreadable ({@code multipart-unavailable})
 */
record TextParts(Map<String, List<String>> values, String skipReason) {
    static final TextParts UNAVAILABLE = new TextParts(Map.of(), SkipReasons.MULTIPART_UNAVAILABLE);
    private static final TextParts TOO_LARGE = new TextParts(Map.of(), SkipReasons.BODY_TOO_LARGE);

    /**
     * Reads the parts without a file name, up to {@code budget} bytes in all; a part with a file name
     * is a file and is never opened. Like a body past {@code max-body-bytes}, a form whose text is
     * larger is skipped whole, never captured in part. Never throws.
     */
    static TextParts read(Collection<Part> parts, String requestEncoding, int budget) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        int remaining = budget;
        try {
            for (Part part : parts) {
                if (part == null || part.getSubmittedFileName() != null) {
                    continue;
                }
                if (part.getSize() > remaining) {
                    return TOO_LARGE;
                }
                byte[] value;
                try (InputStream in = part.getInputStream()) {
                    value = in.readNBytes(remaining == Integer.MAX_VALUE ? remaining : remaining + 1);
                }
                if (value.length > remaining) {
                    return TOO_LARGE;
                }
                remaining -= value.length;
                out.computeIfAbsent(part.getName(), k -> new ArrayList<>()).add(new String(value, charsetOf(part, requestEncoding)));
            }
        } catch (IOException | RuntimeException e) {
            return UNAVAILABLE; // unreadable parts: skip rather than capture a part of the form
        }
        return new TextParts(out, null);
    }

    private static Charset charsetOf(Part part, String requestEncoding) {
        String fromPart = ContentType.charset(part.getContentType());
        String name = fromPart != null ? fromPart : requestEncoding;
        try {
            return name == null ? StandardCharsets.UTF_8 : Charset.forName(name);
        } catch (IllegalArgumentException e) {
            return StandardCharsets.UTF_8;
        }
    }
}
