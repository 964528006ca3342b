package dev.runlens.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.runlens.json.Json;
import dev.runlens.sim.Simulator;
import dev.runlens.sim.SimulatorOptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Issue 6, benchmark 3: {@code watch} against the firehose at 20,000 events/s for 30 s, the
 * window running headless. Targets from the {@code --stats-out} figures: pulse gap p99 ≤ 33 ms,
 * max ≤ 200 ms, backlog drained within 1 s after the burst, every event applied.
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
        Path stats = dir.resolve("ui-stats.json");
        Files.deleteIfExists(stats);
        try (Simulator sim = Simulator.start(SimulatorOptions.fast())) {
            String run = sim.startFirehose(events, rate);
            ChildProcess.Measure m = ChildProcess.run(HeadlessJava.command("dev.runlens.Main", "watch",
                    "--url", sim.spaceOperatorUrl().toString(), "--run", run, "--exit-when-finished",
                    "--stats-out", stats.toString()), null, Map.of("RUNLENS_TOKEN", sim.demoToken()));
            if (m.exit() != 0 || !Files.exists(stats)) {
                throw new IllegalStateException("watch exited with " + m.exit() + " and " + (Files.exists(stats) ? "" : "no ") + "stats");
            }
        }
        JsonNode s = Json.parse(Files.readString(stats));
        JsonNode fx = s.path("fx");
        System.out.println("stats: " + Json.compact(s));
        System.out.printf("RESULT ui: %,d events at %,d/s; applied %,d (%s); pulse gap p50 %.1f ms, p99 %.1f ms (target 33), "
                        + "max %.1f ms (target 200) %.1f s after the first pulse, %.1f ms after the first frame was painted; max backlog %,d; drained %s after the burst (target 1 s); heap peak %.0f MB%n",
                events, rate, s.path("events_applied").asLong(), s.path("events_applied").asLong() == events ? "all" : "MISSING EVENTS",
                fx.path("gap_ms_p50").asDouble(), fx.path("gap_ms_p99").asDouble(), fx.path("gap_ms_max").asDouble(), s.path("gap_max_at_ms").asDouble() / 1000, s.path("gap_ms_max_after_first_frame").asDouble(),
                s.path("max_backlog").asLong(),
                s.has("drain_ms") ? s.get("drain_ms").asLong() + " ms" : "(not reported)", s.path("heap_peak_mb").asDouble());
    }
}
