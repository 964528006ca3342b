package dev.runlens.cli;

import dev.runlens.connect.ConnectionState;

import java.io.PrintWriter;

/** {@code record}'s one line on a terminal's stderr, rewritten in place twice a second. */
final class ProgressLine {
    private final PrintWriter err;
    private final RecordProgress progress;
    private final Thread thread;
    private volatile boolean running = true;

    ProgressLine(PrintWriter err, RecordProgress progress) {
        this.err = err;
        this.progress = progress;
        this.thread = Thread.ofPlatform().name("runlens-progress").daemon().unstarted(this::loop);
    }

    void start() {
        thread.start();
    }

    void stop() {
        running = false;
        thread.interrupt();
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        err.print("\r\033[K");
        err.flush();
    }

    private void loop() {
        while (running) {
            ConnectionState s = progress.state;
            err.print("\r\033[K" + progress.events.get() + " events, " + progress.finished.get() + " run(s) finished, "
                    + (s == null ? "starting" : s.label()));
            err.flush();
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}
