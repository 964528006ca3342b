package dev.runlens.ui.rows;

import dev.runlens.model.Execution;
import dev.runlens.protocol.RunRef;

import java.time.Instant;

/**
 * One line of a run's event log: what the table shows, plus where the frame's text is. The
 * decoded event itself is not kept, so a long run does not hold every payload in the heap.
 */
public record EventRow(long sequence, Instant receivedAt, Instant time, String kind, String node, Integer times,
                       String summary, FrameRef frame, RunRef run, Execution execution) {
}
