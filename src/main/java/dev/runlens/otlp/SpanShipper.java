package dev.runlens.otlp;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Sends spans on its own thread through an SDK exporter, so that a collector that is down or slow
 * never slows the caller: {@link #offer} only appends to a bounded buffer, and spans that do not fit,
 * or that the exporter gave up on after its retries, are counted as dropped, never waited for.
 */
public final class SpanShipper implements AutoCloseable {
    static final int BATCH = 512;

    private final SpanExporter exporter;
    private final int capacity;
    private final Duration closeWait;
    private final ArrayDeque<SpanData> queue = new ArrayDeque<>();
    private final Thread worker;
    private long sent;
    private long dropped;
    private int inFlight;
    private boolean closing;
    private boolean abandoned;
    private String lastFailure;

    /** {@code capacity}: spans buffered at most; {@code closeWait}: how long {@link #close} waits for the rest to go. */
    public SpanShipper(SpanExporter exporter, int capacity, Duration closeWait) {
        this.exporter = exporter;
        this.capacity = capacity;
        this.closeWait = closeWait;
        this.worker = Thread.ofPlatform().daemon().name("runlens-otlp").unstarted(this::run);
        worker.start();
    }

    /** Buffers a run's spans, all or none; never blocks. */
    public synchronized void offer(List<SpanData> spans) {
        if (spans.isEmpty()) {
            return;
        }
        if (closing || queue.size() + spans.size() > capacity) {
            dropped += spans.size();
            return;
        }
        queue.addAll(spans);
        notifyAll();
    }

    public synchronized long sent() {
        return sent;
    }

    /** Spans that will never reach the collector: buffer full, export failed after retries, or still unsent at close. */
    public synchronized long dropped() {
        return dropped;
    }

    /** Why the last batch was dropped, in a few words (null when none was). */
    public synchronized String lastFailure() {
        return abandoned && lastFailure == null ? "no answer before the recording ended" : lastFailure;
    }

    static String describe(Throwable t) {
        if (t == null) {
            return "refused";
        }
        String top = t.getMessage();
        if (top != null && top.contains("status code")) {
            return top; // the HTTP exporter's own exception names the status (503 after the retries)
        }
        Throwable root = t;
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof java.net.ConnectException) {
                return "connection refused";
            }
            if (c instanceof java.net.http.HttpTimeoutException) {
                return "no answer in time";
            }
            root = c;
        }
        return root.getMessage() != null ? root.getClass().getSimpleName() + ": " + root.getMessage() : root.getClass().getSimpleName();
    }

    private void run() {
        while (true) {
            List<SpanData> batch;
            synchronized (this) {
                while (queue.isEmpty() && !closing) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (queue.isEmpty() || abandoned) {
                    return;
                }
                batch = new ArrayList<>(Math.min(BATCH, queue.size()));
                while (batch.size() < BATCH && !queue.isEmpty()) {
                    batch.add(queue.poll());
                }
                inFlight = batch.size();
            }
            // The exporter retries (its RetryPolicy) and times out by itself; join only bounds a broken one.
            CompletableResultCode result = exporter.export(batch).join(5, TimeUnit.MINUTES);
            synchronized (this) {
                if (abandoned) {
                    return; // close() counted this batch already
                }
                if (result.isSuccess()) {
                    sent += batch.size();
                } else {
                    dropped += batch.size();
                    lastFailure = result.isDone() ? describe(result.getFailureThrowable()) : "no answer";
                }
                inFlight = 0;
                notifyAll();
            }
        }
    }

    /**
     * Sends what is buffered, waiting at most the close wait; what is still unsent then is
     * counted as dropped. Shuts the exporter down. Idempotent.
     */
    @Override
    public void close() {
        synchronized (this) {
            if (closing) {
                return;
            }
            closing = true;
            notifyAll();
            long deadline = System.nanoTime() + closeWait.toNanos();
            while (!queue.isEmpty() || inFlight > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(this, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            if (!queue.isEmpty() || inFlight > 0) {
                abandoned = true;
                dropped += queue.size() + inFlight;
                queue.clear();
                inFlight = 0;
            }
        }
        worker.interrupt();
        // The HTTP sender's shutdown waits for a request in flight (up to its timeout): not on the caller's time.
        Thread.ofPlatform().daemon().name("runlens-otlp-shutdown").start(exporter::shutdown);
    }
}
