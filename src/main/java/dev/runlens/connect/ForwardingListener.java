package dev.runlens.connect;

import com.fasterxml.jackson.databind.JsonNode;
import dev.runlens.model.Gap;
import dev.runlens.protocol.ReceivedFrame;
import dev.runlens.protocol.RunRef;

import java.util.Map;

/**
 * A listener that passes every call on to the next one; wrappers override only what they change,
 * so a method added to {@link ConnectionListener} reaches the window and {@code record} through
 * every wrapper without touching them.
 */
public abstract class ForwardingListener implements ConnectionListener {
    protected final ConnectionListener next;

    protected ForwardingListener(ConnectionListener next) {
        this.next = next;
    }

    @Override
    public void onFrame(ReceivedFrame frame) {
        next.onFrame(frame);
    }

    @Override
    public void onState(ConnectionState state, String message) {
        next.onState(state, message);
    }

    @Override
    public void onGap(RunRef run, Gap gap) {
        next.onGap(run, gap);
    }

    @Override
    public void onFinalOutput(RunRef run, String outputJson) {
        next.onFinalOutput(run, outputJson);
    }

    @Override
    public void onEndedWithoutFinish(RunRef run) {
        next.onEndedWithoutFinish(run);
    }

    @Override
    public void onReconciled(RunRef run, String status, Map<String, JsonNode> results) {
        next.onReconciled(run, status, results);
    }

    @Override
    public void onReconcileFailed(RunRef run, String sentence) {
        next.onReconcileFailed(run, sentence);
    }
}
