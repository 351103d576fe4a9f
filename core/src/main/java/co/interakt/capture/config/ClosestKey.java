package co.interakt.capture.config;

import java.util.Collection;

/** Suggests the known key a mistyped one was probably meant to be (edit distance, or a cut-off name). */
final class ClosestKey {

    private ClosestKey() {
    }

    /** The closest known key, or {@code null} when none is close enough to be a helpful guess. */
    static String closest(String unknown, Collection<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) {
            int d = candidate.startsWith(unknown) ? 1 : distance(unknown, candidate);
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        int tolerance = Math.max(3, unknown.length() / 4);
        return bestDistance <= tolerance ? best : null;
    }

    /** The fix text for an unknown key. */
    static String fix(String unknown, Collection<String> known) {
        String guess = closest(unknown, known);
        String table = "see the key table in the README's Configuration section";
        return guess == null ? "remove it or use a documented key; " + table : "did you mean " + guess + "? " + table;
    }

    /** Levenshtein distance, case-insensitive (start-up only, so two rows of ints are fine). */
    static int distance(String a, String b) {
        String x = a.toLowerCase(java.util.Locale.ROOT);
        String y = b.toLowerCase(java.util.Locale.ROOT);
        int[] previous = new int[y.length() + 1];
        int[] current = new int[y.length() + 1];
        for (int j = 0; j <= y.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= x.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= y.length(); j++) {
                int substitution = previous[j - 1] + (x.charAt(i - 1) == y.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[y.length()];
    }
}
