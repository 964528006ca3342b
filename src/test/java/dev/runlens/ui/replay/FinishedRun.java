package dev.runlens.ui.replay;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The first run that finishes in a generated session log ({@code LogGenerator}): the line of its
 * FlowFinish and its stream, for tests that send a run's events again after it ended.
 */
record FinishedRun(List<String> lines, int finish, String stream) {
    private static final Pattern EVENT = Pattern.compile("stream_id\\\\\":(\\d+),\\\\\"event\\\\\":\\\\\"(\\w+)");

    /** The first FlowFinish in {@code lines}, or a finish of -1 when no run finishes. */
    static FinishedRun in(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = EVENT.matcher(lines.get(i));
            if (m.find() && m.group(2).equals("FlowFinish")) {
                return new FinishedRun(lines, i, m.group(1));
            }
        }
        return new FinishedRun(lines, -1, null);
    }

    /** Up to {@code max} of this run's lines of the given event kinds, from before its finish. */
    List<String> earlier(int max, Set<String> kinds) {
        List<String> found = new ArrayList<>();
        for (int i = 0; i < finish && found.size() < max; i++) {
            Matcher m = EVENT.matcher(lines.get(i));
            if (m.find() && m.group(1).equals(stream) && kinds.contains(m.group(2))) {
                found.add(lines.get(i));
            }
        }
        return found;
    }

    /** The first line after this run's finish that is another run's event of {@code kind}, or null. */
    String anotherRunsAfter(String kind) {
        for (int i = finish + 1; i < lines.size(); i++) {
            Matcher m = EVENT.matcher(lines.get(i));
            if (m.find() && !m.group(1).equals(stream) && m.group(2).equals(kind)) {
                return lines.get(i);
            }
        }
        return null;
    }
}
