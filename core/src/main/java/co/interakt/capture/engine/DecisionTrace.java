package co.interakt.capture.engine;

import java.util.Map;

/**
 * The set-up trace ({@code interakt.trace=true}): one INFO line per matched request with the rule,
 * method, path pattern, status, decision, the field names found and which ones fed the standard
 * attributes, and the target. Names only, never a value (the email included).
 */
final class DecisionTrace {
    private static final String[] ATTRIBUTES = {"email", "name", "first_name", "last_name", "phone", "city", "country"};

    private final System.Logger log = System.getLogger(SkipWarnings.LOGGER_NAME);

    void log(String line) {
        log.log(System.Logger.Level.INFO, line);
    }

    /**
     * @param fieldNames  {@link SeenNames#describe} of the request's fields, or {@code null} when not read
     * @param sources     attribute to the field name that fed it, or {@code null}
     */
    static String line(String rule, String method, String pattern, int status, String target, String decision,
            String fieldNames, Map<String, String> sources) {
        StringBuilder line = new StringBuilder("Interakt trace: rule=").append(rule)
                .append(' ').append(method).append(' ').append(pattern)
                .append(" status=").append(status < 0 ? "(already decided)" : Integer.toString(status))
                .append(" decision=").append(decision)
                .append(" target=").append(target)
                .append("; fields: ").append(fieldNames == null ? "(not read)" : fieldNames);
        if (sources != null) {
            line.append("; mapped:");
            boolean any = false;
            for (String attribute : ATTRIBUTES) {
                String source = sources.get(attribute);
                if (source != null) {
                    line.append(' ').append(attribute).append("<-").append(SeenNames.one(source));
                    any = true;
                }
            }
            if (!any) {
                line.append(" (nothing)");
            }
        }
        return line.toString();
    }
}
