package dev.runlens.ui.app;

import dev.runlens.act.StartedRun;
import dev.runlens.ui.act.LyzrStartViewModel;

/**
 * A start {@code runlens start --watch} hands to the window (decision 0055): the window performs
 * it, or records it, once it is up, so the command line and the window share one start path.
 */
public sealed interface PendingStart {
    /** A Space Operator run already started: its {@code run_started} line goes into the watch connection's log. */
    record Started(StartedRun run) implements PendingStart {
    }

    /**
     * A Lyzr workflow still to start, in the window's own order (socket first, then run-dag);
     * {@code allowInsecure}: the operator consented to plain http:// to a remote API.
     */
    record Lyzr(LyzrStartViewModel.Request request, boolean allowInsecure) implements PendingStart {
    }
}
