package dev.runlens.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.runlens.json.Json;
import dev.runlens.sim.Simulator;
import dev.runlens.sim.SimulatorOptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Issue 6, benchmark 3: {@code watch} against the firehose at 20,000 events/s for 30 s, the
 * window ({@link BenchWindow}). Target (issue 15, through the packaged launcher): pulse gap p99 ≤ 33 ms;
 * also reported from the {@code --stats-out} figures: max, backlog drained after the burst, every
 * event applied. Issue 15: the window runs both as users start it, the packaged launcher
 * {@code bin/Runlens} (its own JVM options, the window platform's properties through
 * {@code JAVA_TOOL_OPTIONS}), and as {@code java -jar runlens.jar} with the JVM's defaults.
 * {@code -Drunlens.bench.via=launcher} or {@code jar} runs one way only; the launcher is skipped
 * when the app image is not built. Each way's baseline, in the same run: the same window fed 200
 * events/s for as long, the pulse gaps this machine gives when the data costs nearly nothing
 * ({@code -Drunlens.bench.baseline=false} skips it). The
 * simulator (in this JVM) is warmed up first by a discarding client.
 */
final class UiLoadBench {
    /** One way to start the window. */
    private enum Way {
        LAUNCHER("bin/Runlens"), JAR("java -jar");

        final String label;

        Way(String label) {
            this.label = label;
        }
    }

    private UiLoadBench() {
    }

    static void run() throws Exception {
        int rate = Integer.getInteger("runlens.bench.rate", 20_000);
        int seconds = Integer.getInteger("runlens.bench.seconds", 30);
        Files.createDirectories(Path.of("target", "bench"));
        List<Way> ways = ways();
        try (Simulator sim = Simulator.start(SimulatorOptions.fast())) {
            // A real server is not on the operator's desktop: warm the simulator's sending path at
            // the benchmark's rate first, so its JIT compilation does not compete with the window's.
            String warm = sim.startFirehose(rate * 5, rate);
            ChildProcess.Measure w = ChildProcess.run(List.of(ChildProcess.java(), "-cp", System.getProperty("java.class.path"),
                    MinimalClient.class.getName(), sim.spaceOperatorUrl().toString(), sim.demoToken(), warm), null);
            if (w.exit() != 0) {
                throw new IllegalStateException("the warm-up client exited with " + w.exit());
            }
            for (Way way : ways) {
                String name = way.name().toLowerCase(java.util.Locale.ROOT);
                String loadBefore = Machine.load();
                JsonNode base = Baseline.wanted() ? watch(sim, way, 200, seconds, "ui-" + name + "-baseline-stats.json")
                        : Baseline.skipped();
                JsonNode s = watch(sim, way, rate, seconds, "ui-" + name + "-stats.json");
                report(way, rate, seconds, s, base, loadBefore);
            }
        }
    }

    private static List<Way> ways() {
        String via = System.getProperty("runlens.bench.via", "both");
        boolean packaged = Launchers.built(Launchers.window());
        if (!packaged && !via.equals("jar")) {
            System.out.println("bin/Runlens not built (" + Launchers.window() + "): java -jar only");
        }
        List<Way> ways = new ArrayList<>();
        if (packaged && !via.equals("jar")) {
            ways.add(Way.LAUNCHER);
        }
        if (!via.equals("launcher")) {
            ways.add(Way.JAR);
        }
        return ways;
    }

    private static void report(Way way, int rate, int seconds, JsonNode s, JsonNode base, String loadBefore) {
        int events = rate * seconds;
        JsonNode fx = s.path("fx");
        JsonNode bfx = base.path("fx");
        System.out.println("stats (" + way.label + "): " + Json.compact(s));
        System.out.printf("RESULT ui (%s): %,d events at %,d/s; applied %,d (%s); pulse gap p50 %.1f ms, p99 %.1f ms (target 33), "
                        + "max %.1f ms %.1f s after the first pulse, %.1f ms after the first frame was painted; max backlog %,d; "
                        + "drained %s after the burst; heap peak %.0f MB; CPU: FX thread %.1f s, render thread %.1f s; "
                        + "baseline (the same window at 200 events/s for as long): pulse gap p50 %.1f ms, p99 %.1f ms, max %.1f ms; "
                        + "load %s before, %s after%n",
                way.label, events, rate, s.path("events_applied").asLong(),
                s.path("events_applied").asLong() == events ? "all" : "MISSING EVENTS",
                fx.path("gap_ms_p50").asDouble(), fx.path("gap_ms_p99").asDouble(), fx.path("gap_ms_max").asDouble(),
                s.path("gap_max_at_ms").asDouble() / 1000, s.path("gap_ms_max_after_first_frame").asDouble(),
                s.path("max_backlog").asLong(),
                s.has("drain_ms") ? s.get("drain_ms").asLong() + " ms" : "(not reported)", s.path("heap_peak_mb").asDouble(),
                s.path("fx_cpu_ms").asDouble() / 1000, s.path("render_cpu_ms").asDouble() / 1000,
                bfx.path("gap_ms_p50").asDouble(), bfx.path("gap_ms_p99").asDouble(), bfx.path("gap_ms_max").asDouble(),
                loadBefore, Machine.load());
    }

    /** Runs {@code watch} against a firehose run of {@code rate} events/s for {@code seconds}; returns its stats. */
    private static JsonNode watch(Simulator sim, Way way, int rate, int seconds, String statsName) throws Exception {
        Path stats = Path.of("target", "bench").resolve(statsName).toAbsolutePath();
        Files.deleteIfExists(stats);
        String run = sim.startFirehose(rate * seconds, rate);
        String[] args = {"watch", "--url", sim.spaceOperatorUrl().toString(), "--run", run,
                "--exit-when-finished", "--stats-out", stats.toString()};
        Map<String, String> env = Map.of("RUNLENS_TOKEN", sim.demoToken());
        ChildProcess.Measure m = switch (way) {
            case LAUNCHER -> ChildProcess.run(BenchWindow.launcherCommand(args), null,
                    BenchWindow.launcherEnvironment(env, Isolated.historyOptions()));
            case JAR -> ChildProcess.run(BenchWindow.jarCommand(Isolated.historyOptions(), args), null, BenchWindow.environment(env));
        };
        if (m.exit() != 0 || !Files.exists(stats)) {
            throw new IllegalStateException(way.label + " watch exited with " + m.exit() + " and "
                    + (Files.exists(stats) ? "" : "no ") + "stats");
        }
        return Json.parse(Files.readString(stats));
    }
}
