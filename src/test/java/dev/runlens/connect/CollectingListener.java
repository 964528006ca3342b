package dev.runlens.connect;

import dev.runlens.model.Gap;
import dev.runlens.protocol.ReceivedFrame;
import dev.runlens.protocol.RunRef;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Keeps everything a connection reports, for assertions. */
final class CollectingListener implements ConnectionListener {
    final List<ReceivedFrame> frames = new ArrayList<>();
    final List<String> states = new ArrayList<>();
    final List<Gap> gaps = new ArrayList<>();
    final List<String> finalOutputs = new ArrayList<>();
    final List<String> reconciled = new ArrayList<>();
    final List<String> endedWithoutFinish = new ArrayList<>();
    final List<String> reconcileFailures = new ArrayList<>();
    private final CountDownLatch terminal = new CountDownLatch(1);
    private volatile ConnectionState last;
    private volatile String lastMessage;

    @Override
    public synchronized void onFrame(ReceivedFrame frame) {
        frames.add(frame);
    }

    @Override
    public synchronized void onState(ConnectionState state, String message) {
        states.add(state + ": " + message);
        last = state;
        lastMessage = message;
        if (state.terminal()) {
            terminal.countDown();
        }
    }

    @Override
    public synchronized void onGap(RunRef run, Gap gap) {
        gaps.add(gap);
    }

    @Override
    public synchronized void onFinalOutput(RunRef run, String outputJson) {
        finalOutputs.add(run.runId() + " " + outputJson);
    }

    @Override
    public synchronized void onEndedWithoutFinish(RunRef run) {
        endedWithoutFinish.add(run.runId());
    }

    @Override
    public synchronized void onReconciled(RunRef run, String status, java.util.Map<String, com.fasterxml.jackson.databind.JsonNode> results) {
        reconciled.add(status + " " + results.keySet());
    }

    @Override
    public synchronized void onReconcileFailed(RunRef run, String sentence) {
        reconcileFailures.add(sentence);
    }

    ConnectionState awaitEnd(Duration timeout) throws InterruptedException {
        if (!terminal.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("no terminal state within " + timeout + "; states: " + snapshotStates());
        }
        return last;
    }

    String lastMessage() {
        return lastMessage;
    }

    synchronized List<String> snapshotStates() {
        return List.copyOf(states);
    }

    synchronized List<ReceivedFrame> snapshotFrames() {
        return List.copyOf(frames);
    }
}
