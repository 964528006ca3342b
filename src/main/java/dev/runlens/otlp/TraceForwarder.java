package dev.runlens.otlp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.runlens.connect.ConnectionListener;
import dev.runlens.connect.ForwardingListener;
import dev.runlens.model.Gap;
import dev.runlens.protocol.ReceivedFrame;
import dev.runlens.protocol.RunEvent;
import dev.runlens.protocol.RunRef;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporterBuilder;
import io.opentelemetry.sdk.common.export.RetryPolicy;
import io.opentelemetry.sdk.trace.data.SpanData;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A connection listener that turns the runs of one live connection into traces and hands each
 * run's spans to a {@link SpanShipper} when the run ends, then passes everything on to the
 * listener it wraps. Only runs this connection received are sent; runs still open when the
 * connection closes are sent as they stand. Calls on network threads take a lock held only
 * for the model update.
 */
public final class TraceForwarder extends ForwardingListener implements AutoCloseable {
    /** Spans buffered at most while the collector is slow: a few hundred runs of ordinary size. */
    static final int CAPACITY = 20_000;
    /**
     * The SDK logs each failed export with a stack trace; the count and the reason reach the
     * operator through {@link #report()} and the status bar instead. Held, so the setting stays.
     */
    private static final Logger SDK_LOG = Logger.getLogger("io.opentelemetry");

    static {
        SDK_LOG.setLevel(Level.OFF);
    }

    private final TraceCollector collector;
    private final SpanShipper shipper;
    private final String target;

    TraceForwarder(ConnectionListener next, PayloadPolicy payloads, SpanShipper shipper, String target) {
        super(next);
        this.collector = new TraceCollector(payloads);
        this.shipper = shipper;
        this.target = target;
    }

    /** Sends to {@code endpoint} over OTLP/HTTP (protobuf), with the SDK's retries for 429, 502, 503 and 504. */
    public static TraceForwarder to(OtlpEndpoint endpoint, ConnectionListener next) {
        return to(endpoint, next, Duration.ofSeconds(10), Duration.ofSeconds(5));
    }

    /** As {@link #to(OtlpEndpoint, ConnectionListener)} with another request timeout and close wait (tests). */
    public static TraceForwarder to(OtlpEndpoint endpoint, ConnectionListener next, Duration timeout, Duration closeWait) {
        OtlpHttpSpanExporterBuilder b = OtlpHttpSpanExporter.builder()
                .setEndpoint(endpoint.url().toString())
                .setTimeout(timeout)
                .setRetryPolicy(RetryPolicy.builder().setMaxAttempts(5).setInitialBackoff(Duration.ofMillis(500))
                        .setMaxBackoff(Duration.ofSeconds(5)).build());
        endpoint.headers().forEach(b::addHeader);
        return new TraceForwarder(next, endpoint.payloads(), new SpanShipper(b.build(), CAPACITY, closeWait),
                endpoint.url().toString());
    }

    @Override
    public void onFrame(ReceivedFrame frame) {
        if (frame.event() instanceof RunEvent e) {
            ship(() -> collector.accept(e, frame.receivedAt()));
        }
        next.onFrame(frame);
    }

    @Override
    public void onReconciled(RunRef run, String status, Map<String, JsonNode> results) {
        ship(() -> collector.reconciled(run, status, results, Instant.now()));
        next.onReconciled(run, status, results);
    }

    @Override
    public void onGap(RunRef run, Gap gap) {
        synchronized (collector) {
            collector.model().markGap(run, gap);
        }
        next.onGap(run, gap);
    }

    @Override
    public void onEndedWithoutFinish(RunRef run) {
        ship(() -> collector.endedWithoutFinish(run, Instant.now()));
        next.onEndedWithoutFinish(run);
    }

    /** Applies one step to the collector under its lock and offers the spans of a run it ended. */
    private void ship(Supplier<List<SpanData>> step) {
        List<SpanData> ended;
        synchronized (collector) {
            ended = step.get();
        }
        shipper.offer(ended);
    }

    public long sent() {
        return shipper.sent();
    }

    public long dropped() {
        return shipper.dropped();
    }

    /** One line for the end of a recording: what went to the collector and what was dropped. */
    public String report() {
        String why = shipper.lastFailure();
        return "Sent " + sent() + " span(s) to " + target + "; " + dropped() + " dropped" + (dropped() > 0 && why != null ? " (" + why + ")." : ".");
    }

    /** Sends the runs still open as they stand, waits a little for the buffer, then stops. Call after the connection closed. */
    @Override
    public void close() {
        List<List<SpanData>> open;
        synchronized (collector) {
            open = collector.flushOpenByRun();
        }
        open.forEach(shipper::offer);
        shipper.close();
    }
}
