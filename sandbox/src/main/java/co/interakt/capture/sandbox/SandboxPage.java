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
                .append("body{font:15px/1.4 system-ui,sans-serif;margin:0;padding:1.5em 2em;background:#f3f5f9;color:#1d2433}")
                .append("h1{margin:0 0 .2em;font-size:1.6em}h2{font-size:1.15em;margin:1em 0 .5em}")
                .append(".cols{display:flex;gap:2em;flex-wrap:wrap}.col{flex:1;min-width:22em}")
                .append(".item{background:#fff;border:1px solid #e1e5ee;border-left:4px solid #3fa66b;border-radius:8px;")
                .append("padding:.6em .9em;margin:.6em 0;box-shadow:0 2px 8px rgba(20,30,60,.05)}")
                .append(".bad{border-left-color:#d33;background:#fff6f6}")
                .append("pre{white-space:pre-wrap;overflow-wrap:anywhere;margin:.4em 0 0;padding:.5em .6em;")
                .append("background:#f6f8fb;border-radius:6px;font-size:.85em}")
                .append(".meta{color:#5b6477;font-size:.85em}</style></head><body>")
                .append("<h1>Interakt sandbox</h1><p class=\"meta\">A local stand-in for Interakt's members and leads API")
                .append(" &middot; API base <code>").append(escape(baseUrl))
                .append("</code> &middot; ").append(totalReceived)
                .append(" request(s) received &middot; newest first, refreshes every second</p><div class=\"cols\">");
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
