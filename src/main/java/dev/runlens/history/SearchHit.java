package dev.runlens.history;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * One search result: an execution (or, for text of the run itself such as a flow error, the run:
 * {@code node} null), where to open it, and a snippet of the text that matched with the matched
 * ranges ({@code [start, end)} pairs into {@code snippet}).
 *
 * @param entry the entry of the recording where the execution first appears (what replay seeks to)
 */
public record SearchHit(Path recording, String protocol, String run, String flow, String node, Integer times,
                        String status, Instant started, Long durationMillis, long entry,
                        String snippet, List<int[]> highlights, float score) {

    /** The snippet with each matched range wrapped in {@code open} and {@code close}. */
    public String marked(String open, String close) {
        StringBuilder b = new StringBuilder(snippet.length() + highlights.size() * 4);
        int at = 0;
        for (int[] h : highlights) {
            b.append(snippet, at, h[0]).append(open).append(snippet, h[0], h[1]).append(close);
            at = h[1];
        }
        return b.append(snippet, at, snippet.length()).toString();
    }
}
