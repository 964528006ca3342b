package dev.runlens.history;

import dev.runlens.model.RunStatus;
import dev.runlens.protocol.RunRef;

import java.nio.file.Path;
import java.time.Instant;

/** A run found in a recording: enough to list it and to open the recording at it. */
public record PastRun(Path recording, RunRef run, FlowKey flow, RunStatus status, Instant started, Instant ended) {
}
