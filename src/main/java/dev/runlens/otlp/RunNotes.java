package dev.runlens.otlp;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.trace.data.EventData;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the run model does not keep but a trace shows: logs and errors as span events, Lyzr task
 * ids, payload texts (only with {@code --payloads}), and the receive times that stand in for
 * missing server times. One per run; keyed by the execution's index in the run.
 */
final class RunNotes {
    /** The SDK's default span limit: a node that logs in a loop must not grow a span without end. */
    static final int MAX_EVENTS = 128;

    static final class Span {
        final List<EventData> events = new ArrayList<>();
        int recordedEvents;
        String taskId;
        String input;
        String output;

        void add(EventData event) {
            recordedEvents++;
            if (events.size() < MAX_EVENTS) {
                events.add(event);
            }
        }
    }

    private final Span run = new Span();
    private final Map<Integer, Span> executions = new HashMap<>();
    Instant firstReceived;
    Instant lastReceived;

    Span run() {
        return run;
    }

    Span execution(int index) {
        return executions.computeIfAbsent(index, i -> new Span());
    }

    /** The notes of an execution, or null when none were taken. */
    Span executionOrNull(int index) {
        return executions.get(index);
    }

    void received(Instant at) {
        if (at == null) {
            return;
        }
        if (firstReceived == null) {
            firstReceived = at;
        }
        lastReceived = at;
    }

    static EventData event(Instant at, Instant fallback, String name, Attributes attributes) {
        Instant t = at != null ? at : fallback != null ? fallback : Instant.EPOCH;
        return EventData.create(SpanTimes.nanos(t), name, attributes);
    }
}
