package dev.runlens.compare;

import dev.runlens.model.Run;

import java.nio.file.Path;

/** A run read from a recording, with its payloads; {@code recording} is null for a live run. */
public record LoadedRun(Path recording, Run run, RunPayloads payloads) {
}
