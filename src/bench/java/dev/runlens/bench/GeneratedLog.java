package dev.runlens.bench;

import dev.runlens.replay.LogGenerator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The generated session log the log benchmarks share (largelog, replay, seek): written once per size, then reused. */
final class GeneratedLog {
    private GeneratedLog() {
    }

    /** {@code target/bench/generated-EVENTS.jsonl}, written with seed 42 the first time it is asked for. */
    static Path of(int events) throws IOException {
        Path dir = Path.of("target", "bench");
        Files.createDirectories(dir);
        Path log = dir.resolve("generated-" + events + ".jsonl").toAbsolutePath();
        if (!Files.exists(log)) {
            LogGenerator.write(log, events, 42);
        }
        return log;
    }
}
