package co.interakt.capture.engine;

/**
 * What one skip reason means to the person running the application: the reason's code (as in
 * metrics and the trace), what happened in plain words, what to change (naming the key), and
 * whether it is theirs to fix. Reasons that are not (the application itself rejected the input, the
 * visitor went away) are counted and logged at DEBUG only; the others get a WARNING.
 *
 * @param code       the stable name, e.g. {@code missing-email}
 * @param words      what happened, in plain words, without any request value
 * @param fix        what to change; {@value co.interakt.capture.config.ConfigKey#RULE_PLACEHOLDER} stands for the rule's name
 * @param actionable whether the user can change something so that such signups are captured
 */
public record SkipReason(String code, String words, String fix, boolean actionable) {

    /** The fix for one rule, with its name in the keys. */
    public String fixFor(String rule) {
        return fix.replace(co.interakt.capture.config.ConfigKey.RULE_PLACEHOLDER, rule == null ? "<name>" : rule);
    }
}
