package dev.runlens.act;

import dev.runlens.connect.Backoff;
import dev.runlens.connect.ConnectionListener;
import dev.runlens.connect.ConnectionRequest;
import dev.runlens.connect.ConnectionService;
import dev.runlens.connect.ConnectionState;
import dev.runlens.log.SessionHeader;
import dev.runlens.log.SessionRecorder;
import dev.runlens.protocol.ReceivedFrame;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A real connection to the simulator that keeps every frame's text, for tests of actions. */
final class WatchedRun implements ConnectionListener, AutoCloseable {
    private final List<String> frames = new ArrayList<>();
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile ConnectionState last;
    private final ConnectionService service;
    private final SessionRecorder recorder;

    WatchedRun(ConnectionRequest request, Path log) throws Exception {
        recorder = SessionRecorder.start(log, new SessionHeader(1, null, request.displayUrl(), Instant.now(), "test"));
        service = new ConnectionService(request, this, recorder, new Backoff(Duration.ofMillis(20), Duration.ofMillis(200)));
        service.start();
    }

    ConnectionService service() {
        return service;
    }

    @Override
    public synchronized void onFrame(ReceivedFrame frame) {
        frames.add(frame.text());
        notifyAll();
    }

    @Override
    public synchronized void onState(ConnectionState state, String message) {
        last = state;
        notifyAll();
        if (state.terminal()) {
            ended.countDown();
        }
    }

    synchronized List<String> frames() {
        return List.copyOf(frames);
    }

    /** Waits for the first frame that {@code p} accepts. */
    synchronized String await(Predicate<String> p, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (String f : frames) {
                if (p.test(f)) {
                    return f;
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("no such frame within " + timeout + "; frames: " + frames);
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    synchronized void awaitState(ConnectionState s, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (last != s) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("not " + s + " within " + timeout + " (last " + last + ")");
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    ConnectionState awaitEnd(Duration timeout) throws InterruptedException {
        if (!ended.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("no end within " + timeout + " (last " + last + "); frames: " + frames());
        }
        return last;
    }

    @Override
    public void close() {
        service.close();
        recorder.close();
    }
}
