package dev.runlens.ui.runs;

import dev.runlens.model.Run;
import dev.runlens.model.RunStatus;
import dev.runlens.protocol.Source;
import dev.runlens.ui.dashboard.Feed;

import java.util.Locale;

/**
 * Which runs the list shows: free text over the run id (Lyzr: flow and run names) and the node
 * ids (Lyzr: task names), a status, a protocol, a connection (or file). A null part matches all.
 */
public record RunFilter(String text, RunStatus status, Source protocol, Feed feed) {
    public static final RunFilter ALL = new RunFilter("", null, null, null);

    public RunFilter {
        text = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    }

    public RunFilter withText(String t) {
        return new RunFilter(t, status, protocol, feed);
    }

    public RunFilter withStatus(RunStatus s) {
        return new RunFilter(text, s, protocol, feed);
    }

    public RunFilter withProtocol(Source p) {
        return new RunFilter(text, status, p, feed);
    }

    public RunFilter withFeed(Feed f) {
        return new RunFilter(text, status, protocol, f);
    }

    /** True when the list shows {@code row}; {@code run} gives its node ids for the text. */
    boolean matches(RunRow row, Run run) {
        if (status != null && row.status() != status
                || protocol != null && !sameProtocol(row.ref().source(), protocol)
                || feed != null && !feed.equals(row.feed())) {
            return false;
        }
        if (text.isEmpty() || row.ref().runId().toLowerCase(Locale.ROOT).contains(text)) {
            return true;
        }
        return run != null && run.nodes().stream().anyMatch(node -> node.toLowerCase(Locale.ROOT).contains(text));
    }

    /** Space Operator's two protocol versions are one choice: the operator asks for the product. */
    private static boolean sameProtocol(Source a, Source b) {
        return a == b || a != Source.LYZR && b != Source.LYZR;
    }
}
