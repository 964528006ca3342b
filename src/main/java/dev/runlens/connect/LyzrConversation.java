package dev.runlens.connect;

import dev.runlens.protocol.ProtocolEvent;
import dev.runlens.protocol.RunEvent;
import dev.runlens.protocol.RunRef;

import java.time.Instant;

/**
 * Lyzr on one socket: nothing to authenticate, a {@code {"type":"ping"}} heartbeat, the run ends
 * with flow_completed or flow_error. Lyzr has no replay, so a reconnect leaves a gap.
 */
final class LyzrConversation implements Conversation {
    private final ConversationHost host;
    private final RunRef run;
    private final boolean reconnected;
    private boolean delivering;
    private boolean ended;

    LyzrConversation(ConversationHost host, RunRef run, boolean reconnected) {
        this.host = host;
        this.run = run;
        this.reconnected = reconnected;
    }

    @Override
    public void opened() {
        if (reconnected) {
            host.gap(run, "reconnected: Lyzr does not replay events sent while disconnected");
        }
        host.state(ConnectionState.LIVE, "Live: listening to Lyzr run " + run.runId()
                + " (no replay: events sent before connecting are not received).");
        if (reconnected) {
            host.reconcile();
        }
    }

    @Override
    public boolean isReplayDuplicate(long streamKey, Instant at) {
        return false;
    }

    @Override
    public void handle(long streamKey, ProtocolEvent event, Instant at) {
        if (!(event instanceof RunEvent e) || !e.run().equals(run)) {
            return; // greetings, keepalives, echoes and plain text are fine
        }
        if (!delivering) {
            delivering = true;
            host.delivering();
        }
        boolean terminal = e instanceof RunEvent.FlowFinished || (e instanceof RunEvent.FlowError fe && fe.endsRun());
        if (terminal && !ended) {
            ended = true;
            host.runsEnded(true);
        }
    }

    @Override
    public void heartbeat() {
        host.send("{\"type\":\"ping\"}");
    }
}
