package co.interakt.capture.sandbox;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The sandbox's web page: what reached "Interakt", members and leads side by side, newest first,
 * with the raw JSON. Everything a client sent is HTML-escaped: the page shows untrusted input.
 */
final class SandboxPage {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());

    private SandboxPage() {
    }

    static String render(String baseUrl, List<ReceivedRequest> newestFirst, long totalReceived) {
        StringBuilder html = new StringBuilder(4096);
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta http-equiv=\"refresh\" content=\"1\">")
                .append("<title>Interakt sandbox</title><style>")
                .append("body{font-family:system-ui,sans-serif;margin:1.5em;color:#222}")
                .append(".cols{display:flex;gap:2em;flex-wrap:wrap}.col{flex:1;min-width:22em}")
                .append(".item{border:1px solid #ddd;border-radius:6px;padding:.5em .8em;margin:.5em 0}")
                .append(".bad{border-color:#d33;background:#fff4f4}")
                .append("pre{white-space:pre-wrap;word-break:break-all;margin:.3em 0 0;font-size:.9em}")
                .append(".meta{color:#666;font-size:.85em}</style></head><body>")
                .append("<h1>Interakt sandbox</h1><p class=\"meta\">API base <code>").append(escape(baseUrl))
                .append("</code> &middot; ").append(totalReceived)
                .append(" request(s) received &middot; refreshes every second</p><div class=\"cols\">");
        column(html, "Members", "members", newestFirst);
        column(html, "Leads", "leads", newestFirst);
        return html.append("</div></body></html>\n").toString();
    }

    private static void column(StringBuilder html, String title, String target, List<ReceivedRequest> newestFirst) {
        html.append("<div class=\"col\"><h2>").append(title).append("</h2>");
        boolean any = false;
        for (ReceivedRequest r : newestFirst) {
            if (!target.equals(r.target())) {
                continue;
            }
            any = true;
            html.append("<div class=\"item").append(r.accepted() ? "" : " bad").append("\"><div class=\"meta\">")
                    .append(TIME.format(r.receivedAt())).append(" &middot; ").append(r.status());
            if (r.email() != null) {
                html.append(" &middot; <b>").append(escape(r.email())).append("</b>");
            }
            if (r.error() != null) {
                html.append(" &middot; refused: ").append(escape(r.error()));
            }
            html.append("</div><pre>").append(escape(r.body())).append("</pre></div>");
        }
        if (!any) {
            html.append("<p class=\"meta\">nothing yet</p>");
        }
        html.append("</div>");
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
