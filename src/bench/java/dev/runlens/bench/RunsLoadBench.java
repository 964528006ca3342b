package dev.runlens.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.runlens.json.Json;
import dev.runlens.sim.Simulator;
import dev.runlens.sim.SimulatorOptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Issue 17: the window watching 1,000 live runs on one connection, 20,000 events/s in all for 30 s
 * (the simulator's {@code startManyRuns}: one event of each run in turn), in the window of
 * {@link BenchWindow}. Target: pulse gap p99 ≤ 33 ms; also reported: max, backlog, every event
 * applied, heap peak. Started as users start it, {@code bin/Runlens} (skipped when the app image is not built) and {@code java -jar}
 * ({@code -Drunlens.bench.via=launcher|jar} for one of them; {@code model}: no window, the CPU time of applying
 * in this JVM, {@link RunsApplyBench}). Baseline, in the same run: the same
 * 1,000 runs at 200 events/s in all for as long ({@code -Drunlens.bench.baseline=false} skips it).
 * {@code -Drunlens.bench.runs}, {@code .rate} and {@code .seconds} change the load.
 */
final class RunsLoadBench {
    private RunsLoadBench() {
    }

    static void run() throws Exception {
        int runs = Integer.getInteger("runlens.bench.runs", 1000);
        int rate = Integer.getInteger("runlens.bench.rate", 20_000);
        int seconds = Integer.getInteger("runlens.bench.seconds", 30);
        Files.createDirectories(Path.of("target", "bench"));
        String via = System.getProperty("runlens.bench.via", "both");
        if (via.equals("model")) {
            RunsApplyBench.run(runs, rate, seconds);
            return;
        }
        List<String> ways = new ArrayList<>();
        if (Launchers.built(Launchers.window()) && !via.equals("jar")) {
            ways.add("launcher");
        } else if (!via.equals("jar")) {
            System.out.println("bin/Runlens not built (" + Launchers.window() + "): java -jar only");
        }
        if (!via.equals("launcher")) {
            ways.add("jar");
        }
        try (Simulator sim = Simulator.start(SimulatorOptions.fast())) {
            for (String way : ways) {
                String loadBefore = Machine.load();
                JsonNode base = Baseline.wanted() ? watch(sim, way, runs, 200, seconds, "runs-" + way + "-baseline-stats.json")
                        : Baseline.skipped();
                JsonNode s = watch(sim, way, runs, rate, seconds, "runs-" + way + "-stats.json");
                report(way, runs, rate, seconds, s, base, loadBefore);
            }
        }
    }

    private static int eventsPerRun(int runs, int rate, int seconds) {
        return Math.max(2, (int) ((long) rate * seconds / runs));
    }

    private static void report(String way, int runs, int rate, int seconds, JsonNode s, JsonNode base, String loadBefore) {
        long events = (long) eventsPerRun(runs, rate, seconds) * runs;
        JsonNode fx = s.path("fx");
        JsonNode bfx = base.path("fx");
        System.out.println("stats (" + label(way) + "): " + Json.compact(s));
        System.out.printf("RESULT runs (%s): %,d runs, %,d events at %,d/s in all; applied %,d (%s); pulse gap p50 %.1f ms, "
                        + "p99 %.1f ms (target 33), max %.1f ms; max backlog %,d; drained %s after the burst; heap peak %.0f MB; "
                        + "CPU: FX thread %.1f s, render thread %.1f s; "
                        + "baseline (the same runs at 200 events/s): pulse gap p50 %.1f ms, p99 %.1f ms, max %.1f ms, heap peak %.0f MB; "
                        + "load %s before, %s after%n",
                label(way), runs, events, rate, s.path("events_applied").asLong(),
                s.path("events_applied").asLong() == events ? "all" : "MISSING EVENTS",
                fx.path("gap_ms_p50").asDouble(), fx.path("gap_ms_p99").asDouble(), fx.path("gap_ms_max").asDouble(),
                s.path("max_backlog").asLong(), s.has("drain_ms") ? s.get("drain_ms").asLong() + " ms" : "(not reported)",
                s.path("heap_peak_mb").asDouble(), s.path("fx_cpu_ms").asDouble() / 1000, s.path("render_cpu_ms").asDouble() / 1000,
                bfx.path("gap_ms_p50").asDouble(), bfx.path("gap_ms_p99").asDouble(), bfx.path("gap_ms_max").asDouble(),
                base.path("heap_peak_mb").asDouble(), loadBefore, Machine.load());
    }

    private static String label(String way) {
        return way.equals("launcher") ? "bin/Runlens" : "java -jar";
    }

    /** Runs {@code watch} on a new group of {@code runs} runs played at {@code rate} events/s; returns its stats. */
    private static JsonNode watch(Simulator sim, String way, int runs, int rate, int seconds, String statsName) throws Exception {
        Path stats = Path.of("target", "bench").resolve(statsName).toAbsolutePath();
        Files.deleteIfExists(stats);
        List<String> ids = sim.startManyRuns(runs, eventsPerRun(runs, rate, seconds), rate, Duration.ZERO, true);
        List<String> args = new ArrayList<>(List.of("watch", "--url", sim.spaceOperatorUrl().toString(),
                "--exit-when-finished", "--stats-out", stats.toString()));
        for (String id : ids) {
            args.add("--run");
            args.add(id);
        }
        String[] argv = args.toArray(String[]::new);
        Map<String, String> env = Map.of("RUNLENS_TOKEN", sim.demoToken());
        ChildProcess.Measure m = way.equals("launcher")
                ? ChildProcess.run(BenchWindow.launcherCommand(argv), null, BenchWindow.launcherEnvironment(env, Isolated.historyOptions()))
                : ChildProcess.run(BenchWindow.jarCommand(Isolated.historyOptions(), argv), null, BenchWindow.environment(env));
        if (m.exit() != 0 || !Files.exists(stats)) {
            throw new IllegalStateException(label(way) + " watch exited with " + m.exit() + " and "
                    + (Files.exists(stats) ? "" : "no ") + "stats");
        }
        return Json.parse(Files.readString(stats));
    }
}
