package dev.runlens.ui.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.runlens.json.Json;
import dev.runlens.ui.TestData;
import dev.runlens.ui.bridge.PulseStats;
import dev.runlens.ui.dashboard.DashboardModel;
import org.junit.jupiter.api.Test;

import java.util.Iterator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The {@code --stats-out} file that {@code watch} and {@code open} write at exit. */
class StatsWriterTest {

    @Test
    void statsHaveTheDocumentedShapeThenTheDrainTime() {
        DashboardModel model = TestData.load(TestData.fixture("space-operator-v2-failed-run"));
        PulseStats pulses = new PulseStats();
        pulses.pulse(0, 3);
        pulses.pulse(16_000_000, 0);
        pulses.drained(40_000_000);
        JsonNode stats = StatsWriter.stats(model, pulses);
        assertEquals(List.of("events_applied", "runs", "fx", "max_backlog", "heap_peak_mb", "drain_ms", "gap_max_at_ms",
                "gap_ms_max_after_first_frame", "process_cpu_s", "gc_count", "gc_ms", "live_heap_mb", "fx_cpu_ms", "render_cpu_ms"), names(stats));
        assertTrue(stats.get("process_cpu_s").asDouble() > 0, "this JVM has used some CPU");
        assertTrue(stats.get("gc_count").asLong() >= 0 && stats.get("live_heap_mb").asDouble() >= 0);
        assertEquals(40.0, stats.get("drain_ms").asDouble(), 1e-9);
        assertEquals(10, stats.get("events_applied").asLong());
        assertEquals(List.of("run_id", "status", "events"), names(stats.get("runs").get(0)));
        assertEquals("failed", stats.get("runs").get(0).get("status").asText());
        assertEquals(10, stats.get("runs").get(0).get("events").asInt());
        assertEquals(List.of("pulses", "gap_ms_p50", "gap_ms_p99", "gap_ms_max"), names(stats.get("fx")));
        assertEquals(2, stats.get("fx").get("pulses").asInt());
        assertEquals(16.0, stats.get("fx").get("gap_ms_max").asDouble(), 1e-9);
        assertEquals(3, stats.get("max_backlog").asInt());
        assertTrue(stats.get("heap_peak_mb").asDouble() > 0);
        assertTrue(Json.compact(stats).startsWith("{\"events_applied\":10,"));
    }

    private static List<String> names(JsonNode n) {
        List<String> out = new java.util.ArrayList<>();
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            out.add(it.next());
        }
        return out;
    }
}
