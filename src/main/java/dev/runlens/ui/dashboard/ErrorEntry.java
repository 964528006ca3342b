package dev.runlens.ui.dashboard;

import dev.runlens.model.Execution;
import dev.runlens.protocol.RunRef;

import java.time.Instant;

/** One error or protocol problem as the error panel lists it; {@code run}/{@code execution} may be null. */
public record ErrorEntry(Instant time, ErrorKind kind, Feed feed, RunRef run, String node, Integer times,
                         String message, Execution execution) {
}
