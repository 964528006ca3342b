package dev.runlens.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A benchmark's window gets an empty sessions folder and its own, empty history index: the
 * window's history indexer otherwise indexes every recording in the user's sessions folder while
 * the replay is measured (on the shared benchmark machine, gigabytes that other benchmarks
 * recorded; in a JFR recording of {@code -Dbench=replay} it took a sixth of the process's CPU).
 * The index is emptied too: it grew with every benchmark's recording, and opening it and reading
 * its marks kept the history thread busy in the stream's first seconds (JFR, {@code -Dbench=runs}).
 */
final class Isolated {
    private Isolated() {
    }

    /**
     * {@code -Drunlens.sessions.dir} (emptied: a live benchmark's window records its firehose there,
     * and the next window would index it) and {@code -Drunlens.cache.dir} (emptied) under {@code target/bench}.
     */
    static List<String> historyOptions() {
        Path base = Path.of("target", "bench", "isolated").toAbsolutePath();
        try {
            Files.createDirectories(base.resolve("sessions"));
            try (var old = Files.list(base.resolve("sessions"))) {
                for (Path f : old.filter(Files::isRegularFile).toList()) {
                    Files.delete(f);
                }
            }
            Path cache = base.resolve("cache");
            if (Files.exists(cache)) {
                try (var tree = Files.walk(cache)) {
                    for (Path f : tree.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.delete(f);
                    }
                }
            }
            Files.createDirectories(cache);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.of("-Drunlens.sessions.dir=" + base.resolve("sessions"), "-Drunlens.cache.dir=" + base.resolve("cache"));
    }
}
