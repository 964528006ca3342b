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
 * window running headless. Targets from the {@code --stats-out} figures: pulse gap p99 ≤ 33 ms,
 * max ≤ 200 ms, backlog drained within 1 s after the burst, every event applied. Its baseline,
 * in the same run: the same window fed 200 events/s for as long, the pulse gaps this machine
 * gives when the data costs nearly nothing. Both windows run the jar with the JVM options of the
 * packaged window launcher ({@code runlens.window.jvm} in the pom, decision 0024). The
 * simulator (in this JVM) is warmed up first by a discarding client.
 */
final class UiLoadBench {
    private UiLoadBench() {
    }

    static void run() throws Exception {
        int rate = Integer.getInteger("runlens.bench.rate", 20_000);
        int seconds = Integer.getInteger("runlens.bench.seconds", 30);
        int events = rate * seconds;
        Path dir = Path.of("target", "bench");
        Files.createDirectories(dir);
        JsonNode base;
        JsonNode s;
        try (Simulator sim = Simulator.start(SimulatorOptions.fast())) {
            // A real server is not on the operator's desktop: warm the simulator's sending path at
            // the benchmark's rate first, so its JIT compilation does not compete with the window's.
            String warm = sim.startFirehose(rate * 5, rate);
            ChildProcess.Measure w = ChildProcess.run(List.of(ChildProcess.java(), "-cp", System.getProperty("java.class.path"),
                    MinimalClient.class.getName(), sim.spaceOperatorUrl().toString(), sim.demoToken(), warm), null);
            if (w.exit() != 0) {
                throw new IllegalStateException("the warm-up client exited with " + w.exit());
            }
            // The window with the options of its packaged launcher (bin/Runlens), passed in by the pom.
            List<String> windowJvm = WindowOptions.fromProperty();
            // The baseline: the same window, started the same way and for as long, fed a trickle of
            // 200 events/s: what this machine gives when the data costs nearly nothing.
            base = watch(sim, 200, seconds, "ui-baseline-stats.json", windowJvm);
            s = watch(sim, rate, seconds, "ui-stats.json", windowJvm);
        }
        JsonNode fx = s.path("fx");
        JsonNode bfx = base.path("fx");
        System.out.println("stats: " + Json.compact(s));
        System.out.printf("RESULT ui: %,d events at %,d/s; applied %,d (%s); pulse gap p50 %.1f ms, p99 %.1f ms (target 33), "
                        + "max %.1f ms (target 200) %.1f s after the first pulse, %.1f ms after the first frame was painted; max backlog %,d; drained %s after the burst (target 1 s); heap peak %.0f MB; "
                        + "baseline (the same window at 200 events/s for as long): pulse gap p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                events, rate, s.path("events_applied").asLong(), s.path("events_applied").asLong() == events ? "all" : "MISSING EVENTS",
                fx.path("gap_ms_p50").asDouble(), fx.path("gap_ms_p99").asDouble(), fx.path("gap_ms_max").asDouble(), s.path("gap_max_at_ms").asDouble() / 1000, s.path("gap_ms_max_after_first_frame").asDouble(),
                s.path("max_backlog").asLong(),
                s.has("drain_ms") ? s.get("drain_ms").asLong() + " ms" : "(not reported)", s.path("heap_peak_mb").asDouble(),
                bfx.path("gap_ms_p50").asDouble(), bfx.path("gap_ms_p99").asDouble(), bfx.path("gap_ms_max").asDouble());
    }

    /** Runs {@code watch} against a firehose run of {@code rate} events/s for {@code seconds}; returns its stats. */
    private static JsonNode watch(Simulator sim, int rate, int seconds, String statsName, List<String> jvmOptions) throws Exception {
        Path stats = Path.of("target", "bench").resolve(statsName);
        Files.deleteIfExists(stats);
        String run = sim.startFirehose(rate * seconds, rate);
        List<String> command = new ArrayList<>(jvmOptions);
        command.addAll(List.of("dev.runlens.Main", "watch", "--url", sim.spaceOperatorUrl().toString(), "--run", run,
                "--exit-when-finished", "--stats-out", stats.toString()));
        ChildProcess.Measure m = ChildProcess.run(HeadlessJava.jarCommand(command.toArray(String[]::new)), null,
                Map.of("RUNLENS_TOKEN", sim.demoToken()));
        if (m.exit() != 0 || !Files.exists(stats)) {
            throw new IllegalStateException("watch exited with " + m.exit() + " and " + (Files.exists(stats) ? "" : "no ") + "stats");
        }
        return Json.parse(Files.readString(stats));
    }
}
