package dev.runlens.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.runlens.history.HistoryIndex;
import dev.runlens.history.HistoryIndexer;
import dev.runlens.json.Json;
import dev.runlens.replay.LogGenerator;
import dev.runlens.sim.Simulator;
import dev.runlens.sim.SimulatorOptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Issue 18: the window's pulse with and without the history index being built. The window of
 * {@link UiLoadBench} ({@code watch} of a 20,000 events/s firehose for 30 s, in the window of
 * {@link BenchWindow}, {@code java -jar}) runs twice, back to back: once with an empty sessions folder (nothing to
 * index), once with a backlog of {@code runlens.bench.recordings} generated recordings (default
 * 300 × 1,000 events) that the window's history thread indexes while the firehose streams. Each
 * run gets a fresh index folder ({@code runlens.cache.dir}) and its own sessions folder
 * ({@code runlens.sessions.dir}), so the user's cache and recordings are never touched. Prints
 * both pulse figures and how many recordings the window indexed meanwhile.
 */
final class UiIndexingBench {
    private UiIndexingBench() {
    }

    static void run() throws Exception {
        int rate = Integer.getInteger("runlens.bench.rate", 20_000);
        int seconds = Integer.getInteger("runlens.bench.seconds", 30);
        int recordings = Integer.getInteger("runlens.bench.recordings", 300);
        Path dir = Path.of(System.getProperty("runlens.bench.dir", "target/bench/ui-indexing")).toAbsolutePath();
        Path backlog = Files.createDirectories(dir.resolve("backlog"));
        for (int i = 0; i < recordings; i++) {
            Path f = backlog.resolve(String.format("session-%05d.jsonl", i));
            if (!Files.exists(f)) {
                LogGenerator.write(f, 1_000, i + 1);
            }
        }
        Path empty = Files.createDirectories(dir.resolve("empty"));
        try (Simulator sim = Simulator.start(SimulatorOptions.fast())) {
            String warm = sim.startFirehose(rate * 5, rate);
            ChildProcess.Measure w = ChildProcess.run(List.of(ChildProcess.java(), "-cp", System.getProperty("java.class.path"),
                    MinimalClient.class.getName(), sim.spaceOperatorUrl().toString(), sim.demoToken(), warm), null);
            if (w.exit() != 0) {
                throw new IllegalStateException("the warm-up client exited with " + w.exit());
            }
            String loadBefore = Machine.load();
            Result quiet = watch(sim, rate, seconds, empty, dir.resolve("cache-quiet"), "ui-indexing-off-stats.json");
            Result busy = watch(sim, rate, seconds, backlog, dir.resolve("cache-busy"), "ui-indexing-on-stats.json");
            int events = rate * seconds;
            System.out.printf("RESULT uiindex (java -jar): %,d events at %,d/s; without indexing: pulse gap p50 %.1f ms, p99 %.1f ms, "
                            + "max %.1f ms, applied %s, drained %s; with %,d recordings (%,d events) to index: pulse gap p50 %.1f ms, "
                            + "p99 %.1f ms, max %.1f ms, applied %s, drained %s, %,d of the recordings indexed by the window meanwhile; "
                            + "load %s before, %s after%n",
                    events, rate, quiet.p50(), quiet.p99(), quiet.max(), quiet.applied(events), quiet.drained(),
                    recordings, recordings * 1_000L, busy.p50(), busy.p99(), busy.max(), busy.applied(events), busy.drained(),
                    busy.indexed(), loadBefore, Machine.load());
        }
    }

    /** One window's figures. */
    private record Result(JsonNode stats, int indexed) {
        double p50() {
            return stats.path("fx").path("gap_ms_p50").asDouble();
        }

        double p99() {
            return stats.path("fx").path("gap_ms_p99").asDouble();
        }

        double max() {
            return stats.path("fx").path("gap_ms_max").asDouble();
        }

        String applied(int events) {
            return stats.path("events_applied").asLong() == events ? "all" : "MISSING EVENTS (" + stats.path("events_applied").asLong() + ")";
        }

        String drained() {
            return stats.has("drain_ms") ? stats.get("drain_ms").asLong() + " ms" : "(not reported)";
        }
    }

    private static Result watch(Simulator sim, int rate, int seconds, Path sessions, Path cache, String statsName) throws Exception {
        wipe(cache);
        Path stats = Path.of("target", "bench").resolve(statsName).toAbsolutePath();
        Files.createDirectories(stats.getParent());
        Files.deleteIfExists(stats);
        String run = sim.startFirehose(rate * seconds, rate);
        String[] args = {"watch", "--url", sim.spaceOperatorUrl().toString(), "--run", run,
                "--exit-when-finished", "--stats-out", stats.toString()};
        List<String> options = List.of("-Drunlens.sessions.dir=" + sessions, "-Drunlens.cache.dir=" + cache);
        ChildProcess.Measure m = ChildProcess.run(BenchWindow.jarCommand(options, args), null, BenchWindow.environment(Map.of("RUNLENS_TOKEN", sim.demoToken())));
        if (m.exit() != 0 || !Files.exists(stats)) {
            throw new IllegalStateException("java -jar watch exited with " + m.exit() + " and " + (Files.exists(stats) ? "" : "no ") + "stats");
        }
        JsonNode s = Json.parse(Files.readString(stats));
        System.out.println("stats (" + (sessions.endsWith("empty") ? "no indexing" : "indexing") + "): " + Json.compact(s));
        int indexed;
        try (HistoryIndex index = HistoryIndex.open(cache.resolve("index"))) {
            indexed = new HistoryIndexer(index).known().size();
        }
        return new Result(s, indexed);
    }

    private static void wipe(Path dir) throws java.io.IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (java.util.stream.Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(p);
            }
        }
    }
}
