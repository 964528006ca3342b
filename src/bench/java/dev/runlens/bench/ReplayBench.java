package dev.runlens.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.runlens.json.Json;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Issue 17 ("Many runs"): {@code open --speed max} of a generated 1,000,000-event session log in
 * the window ({@link BenchWindow}), through the packaged launcher {@code bin/Runlens} and through
 * {@code java -jar}, alternating, {@code runlens.bench.rounds} rounds (default 2). Targets, through
 * the launcher: pulse gap p99 ≤ 33 ms, heap peak ≤ 1 GB (the {@code --stats-out} figures: the
 * sum of the heap pools' peaks). Also printed: the process's CPU seconds, its collections, the heap
 * in use after a full collection at the end, peak RSS, and the load. The window's history indexer gets an empty sessions
 * folder ({@link Isolated}).
 */
final class ReplayBench {
    private ReplayBench() {
    }

    static void run() throws Exception {
        int events = Integer.getInteger("runlens.bench.events", 1_000_000);
        int rounds = Integer.getInteger("runlens.bench.rounds", 2);
        Path log = GeneratedLog.of(events);
        boolean packaged = Launchers.built(Launchers.window());
        System.out.printf("log: %s, %,d events, %,d bytes; bin/Runlens %s%n", log, events, Files.size(log),
                packaged ? Launchers.window() : "not built");
        for (int r = 1; r <= rounds; r++) {
            for (boolean launcher : Launchers.windowWays()) {
                open(launcher ? "bin/Runlens" : "java -jar", r, log, events, launcher);
            }
        }
    }

    private static void open(String label, int round, Path log, int events, boolean launcher) throws Exception {
        Path stats = Path.of("target", "bench", "replay-" + (launcher ? "launcher" : "jar") + "-stats.json").toAbsolutePath();
        Files.deleteIfExists(stats);
        String[] args = {"open", "--speed", "max", "--exit-when-finished", "--stats-out", stats.toString(), log.toString()};
        String loadBefore = Machine.load();
        List<String> options = Isolated.historyOptions();
        ChildProcess.Measure m = launcher
                ? ChildProcess.run(BenchWindow.launcherCommand(args), null, BenchWindow.launcherEnvironment(Map.of(), options))
                : ChildProcess.run(BenchWindow.jarCommand(options, args), null, BenchWindow.environment(Map.of()));
        if (m.exit() != 0 || !Files.exists(stats)) {
            throw new IllegalStateException(label + " open exited with " + m.exit() + " and " + (Files.exists(stats) ? "" : "no ") + "stats");
        }
        JsonNode s = Json.parse(Files.readString(stats));
        JsonNode fx = s.path("fx");
        System.out.printf("RESULT replay (%s, round %d): open --speed max of %,d events; applied %,d (%s); wall %.1f s; "
                        + "pulse gap p50 %.1f ms, p99 %.1f ms (target 33), max %.1f ms; max backlog %,d; heap peak %.0f MB (target 1024); "
                        + "peak RSS %d MB; CPU %.1f s; %d collections, %,d ms; live heap at the end %.0f MB; load %s before, %s after%n",
                label, round, events, s.path("events_applied").asLong(), s.path("events_applied").asLong() == events ? "all" : "NOT ALL",
                m.seconds(), fx.path("gap_ms_p50").asDouble(), fx.path("gap_ms_p99").asDouble(), fx.path("gap_ms_max").asDouble(),
                s.path("max_backlog").asLong(), s.path("heap_peak_mb").asDouble(), m.peakRssMb(),
                s.path("process_cpu_s").asDouble(), s.path("gc_count").asLong(), s.path("gc_ms").asLong(), s.path("live_heap_mb").asDouble(),
                loadBefore, Machine.load());
    }
}
