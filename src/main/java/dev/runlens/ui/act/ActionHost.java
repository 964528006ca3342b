package dev.runlens.ui.act;

import dev.runlens.act.SpaceOperatorApi;
import dev.runlens.act.StartedRun;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/** What acting on runs needs from the window: the open Space Operator connection and the session logs. */
public interface ActionHost {

    /** The HTTP API beside the newest open Space Operator connection (its host, token and trust), or null when none is open. */
    SpaceOperatorApi spaceOperator();

    /** Subscribes a run on that connection, so it appears from its first event. */
    void subscribe(String runId);

    /** Records how a run was started in that connection's session log ({@code run_started}). */
    void noteStarted(StartedRun run);

    /**
     * Opens the socket of Lyzr run {@code flow}/{@code run} at {@code socketBase} on the window's
     * connection service (recorded like any connection); {@code allowInsecure}: the operator's
     * consent. Returns null when it could not be opened (the window said why).
     */
    LyzrSocket openLyzr(URI socketBase, String flow, String run, boolean allowInsecure);

    /** The session logs that may say how a run was started: the connections' recordings, the replayed files. */
    List<Path> recordings();
}
