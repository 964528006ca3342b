package dev.runlens.otlp;

import java.time.Instant;
import java.util.Objects;
import java.util.stream.Stream;

/** Instants to OTLP's nanoseconds since the epoch, and the first of several candidates that is set. */
final class SpanTimes {
    private SpanTimes() {
    }

    static long nanos(Instant t) {
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }

    static Instant first(Instant... candidates) {
        return Stream.of(candidates).filter(Objects::nonNull).findFirst().orElse(Instant.EPOCH);
    }

    /**
     * The end of a span that starts at {@code start}: event times are not monotonic, and a span
     * that ends before it starts is rejected by some backends, so such a span gets no length.
     */
    static long end(long start, Instant end) {
        return end == null ? start : Math.max(start, nanos(end));
    }
}
