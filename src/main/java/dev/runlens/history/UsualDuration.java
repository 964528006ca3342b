package dev.runlens.history;

/** How long a node usually runs, over {@code samples} succeeded runs of its flow. */
public record UsualDuration(String node, int samples, long medianMillis, long p95Millis) {
}
