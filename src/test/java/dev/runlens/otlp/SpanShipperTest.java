package dev.runlens.otlp;

import dev.runlens.connect.ConnectionListener;
import dev.runlens.protocol.RunEvent;
import dev.runlens.protocol.RunRef;
import dev.runlens.protocol.Source;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SpanShipperTest {

    /** An exporter that takes nothing until released, as a collector that hangs. */
    private static final class HangingExporter implements SpanExporter {
        final CountDownLatch release = new CountDownLatch(1);
        final CountDownLatch called = new CountDownLatch(1);

        @Override
        public CompletableResultCode export(Collection<SpanData> spans) {
            called.countDown();
            CompletableResultCode r = new CompletableResultCode();
            Thread.ofVirtual().start(() -> {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                r.succeed();
            });
            return r;
        }

        @Override
        public CompletableResultCode flush() {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode shutdown() {
            release.countDown();
            return CompletableResultCode.ofSuccess();
        }
    }

    private static List<SpanData> run(String id) {
        TraceCollector c = new TraceCollector(PayloadPolicy.NONE);
        RunRef ref = new RunRef(Source.SPACE_OPERATOR, id);
        c.accept(new RunEvent.FlowStarted(ref, Instant.parse("2025-01-01T00:00:00Z"), null), null);
        return c.accept(new RunEvent.FlowFinished(ref, Instant.parse("2025-01-01T00:00:01Z"), List.of("a", "b"), null), null);
    }

    @Test
    void aFullBufferDropsWholeRunsAtOnceWithoutWaiting() throws Exception {
        HangingExporter exporter = new HangingExporter();
        SpanShipper shipper = new SpanShipper(exporter, 6, Duration.ofMillis(200));
        shipper.offer(run("r-0")); // 3 spans, taken by the exporter, which hangs
        assertTrue(exporter.called.await(5, TimeUnit.SECONDS));
        long start = System.nanoTime();
        for (int i = 1; i <= 4; i++) {
            shipper.offer(run("r-" + i)); // two runs fit the buffer of 6, two do not
        }
        assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) < 1000, "offer never waits");
        assertEquals(6, shipper.dropped());
        shipper.close(); // 200 ms: the batch in flight and the buffer are given up
        assertEquals(15, shipper.dropped());
        assertEquals(0, shipper.sent());
        assertEquals("no answer before the recording ended", shipper.lastFailure());
    }

    @Test
    void theForwarderPassesOnEveryCallOfAConnectionListener() {
        for (Method m : ConnectionListener.class.getMethods()) {
            if (Modifier.isStatic(m.getModifiers())) {
                continue;
            }
            try {
                Method own = TraceForwarder.class.getMethod(m.getName(), m.getParameterTypes());
                // Declared by TraceForwarder or by the ForwardingListener it extends, never left to the interface's no-op default.
                assertNotEquals(ConnectionListener.class, own.getDeclaringClass(), m.getName() + " must be passed on to the wrapped listener");
            } catch (NoSuchMethodException e) {
                throw new AssertionError(e);
            }
        }
    }
}
