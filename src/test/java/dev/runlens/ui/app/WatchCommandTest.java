package dev.runlens.ui.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.runlens.json.Json;
import dev.runlens.ui.TestData;
import dev.runlens.ui.bridge.PulseStats;
import dev.runlens.ui.connect.ProtocolOption;
import dev.runlens.ui.connect.TokenSource;
import dev.runlens.ui.dashboard.DashboardModel;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WatchCommandTest {

    @Test
    void takesRecordsConnectionOptionsPlusExitAndStats() {
        LaunchOptions o = WatchCommand.parse(List.of("--url", "ws://127.0.0.1:9/ws", "--run", "a", "--run=b",
                "--token-env", "MY_TOKEN", "--idle-timeout", "30", "--exit-when-finished", "--stats-out", "s.json",
                "--out", "rec.jsonl"), Map.of("MY_TOKEN", "b3-x"));
        assertEquals(List.of("a", "b"), o.watch().runIds());
        assertEquals(new TokenSource.EnvVar("MY_TOKEN"), o.watch().token());
        assertEquals(Duration.ofSeconds(30), o.watch().limits().idleTimeout());
        assertTrue(o.exitWhenFinished());
        assertEquals(Path.of("s.json"), o.statsOut());
        assertEquals(Path.of("rec.jsonl"), o.recordTo());
        assertTrue(!o.demoMode());
    }

    @Test
    void aLyzrUrlNeedsNoRunAndATokenIsNeverAnArgument() {
        LaunchOptions o = WatchCommand.parse(List.of("--url", "wss://lao-socket.studio.lyzr.ai/ws/My%20Flow/run-1"), Map.of());
        assertEquals(ProtocolOption.LYZR, o.watch().protocol());
        assertEquals("wss://lao-socket.studio.lyzr.ai/ws/My%20Flow/run-1", o.watch().uri().toString());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> WatchCommand.parse(List.of("--url", "ws://h/ws", "--token", "b3-secret"), Map.of()));
        assertTrue(e.getMessage().contains("never passed as an argument"));
        assertThrows(IllegalArgumentException.class, () -> WatchCommand.parse(List.of("--url", "ws://h/ws"), Map.of()));
        assertThrows(IllegalArgumentException.class, () -> WatchCommand.parse(List.of("--url", "ws://h/ws", "--run", "a",
                "--token-env", "UNSET"), Map.of()));
        assertNull(WatchCommand.parse(List.of("--help"), Map.of()));
    }

    @Test
    void statsHaveTheDocumentedShapeThenTheDrainTime() {
        DashboardModel model = TestData.load(TestData.fixture("space-operator-v2-failed-run"));
        PulseStats pulses = new PulseStats();
        pulses.pulse(0, 3);
        pulses.pulse(16_000_000, 0);
        pulses.drained(40_000_000);
        JsonNode stats = StatsWriter.stats(model, pulses);
        assertEquals(List.of("events_applied", "runs", "fx", "max_backlog", "heap_peak_mb", "drain_ms", "gap_max_at_ms", "gap_ms_max_after_first_frame"), names(stats));
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
