package dev.runlens.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.runlens.connect.ConnectionListener;
import dev.runlens.connect.ConnectionState;
import dev.runlens.protocol.ReceivedFrame;
import dev.runlens.protocol.RunEvent;
import dev.runlens.protocol.RunRef;

import java.io.PrintWriter;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/** What {@code record} has received so far, and the moment its connection ended. */
final class RecordProgress implements ConnectionListener {
    private final PrintWriter err;
    final CountDownLatch done = new CountDownLatch(1);
    final AtomicLong events = new AtomicLong();
    final AtomicLong finished = new AtomicLong();
    final Set<String> reconciled = Collections.synchronizedSet(new LinkedHashSet<>());
    final List<String> finalOutputs = new CopyOnWriteArrayList<>();
    volatile ConnectionState state;
    volatile String message = "";

    RecordProgress(PrintWriter err) {
        this.err = err;
    }

    @Override
    public void onFrame(ReceivedFrame frame) {
        if (frame.event() instanceof RunEvent e) {
            events.incrementAndGet();
            if (e instanceof RunEvent.FlowFinished || (e instanceof RunEvent.FlowError fe && fe.endsRun())) {
                finished.incrementAndGet();
            }
        }
    }

    @Override
    public void onReconciled(RunRef run, String status, Map<String, JsonNode> results) {
        reconciled.addAll(results.keySet());
    }

    @Override
    public void onReconcileFailed(RunRef run, String sentence) {
        err.println("runlens record: " + sentence);
    }

    @Override
    public void onFinalOutput(RunRef run, String outputJson) {
        finalOutputs.add(run.runId());
    }

    @Override
    public void onState(ConnectionState s, String m) {
        state = s;
        message = m;
        if (s.terminal()) {
            done.countDown();
        }
    }
}
