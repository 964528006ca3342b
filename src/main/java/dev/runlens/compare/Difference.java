package dev.runlens.compare;

import java.util.Locale;

/**
 * One place where two values differ: {@code path} from the root ({@code $}, {@code .key},
 * {@code ["odd key"]}, {@code [2]}), and each side as short text (null on the side that lacks it).
 */
public record Difference(Kind kind, String path, String before, String after) {

    /** What happened between the baseline (before) and the run (after). */
    public enum Kind {
        ADDED, REMOVED, CHANGED;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** One line: mark, path, and what it was and became. */
    public String line() {
        return switch (kind) {
            case ADDED -> "+ " + path + ": " + after + " (added)";
            case REMOVED -> "- " + path + ": " + before + " (removed)";
            case CHANGED -> "~ " + path + ": " + before + " → " + after;
        };
    }
}
