package dev.runlens.ui.act;

import dev.runlens.act.SpaceOperatorApi;
import dev.runlens.act.StartedRun;

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

    /** The session logs that may say how a run was started: the connections' recordings, the replayed files. */
    List<Path> recordings();
}
