package dev.runlens.ui.launch;

import dev.runlens.ui.app.LaunchOptions;
import dev.runlens.connect.ProtocolChoice;
import dev.runlens.ui.connect.TokenSource;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
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
                "--out", "rec.jsonl", "--quiet-period", "90", "--not-found-retry", "12"), Map.of("MY_TOKEN", "b3-x"));
        assertEquals(List.of("a", "b"), o.watch().runIds());
        assertEquals(new TokenSource.EnvVar("MY_TOKEN"), o.watch().token());
        assertEquals(Duration.ofSeconds(30), o.watch().limits().idleTimeout());
        assertEquals(Duration.ofSeconds(90), o.watch().limits().quietPeriod());
        assertEquals(Duration.ofSeconds(12), o.watch().limits().notFoundRetry());
        assertTrue(o.exitWhenFinished());
        assertEquals(Path.of("s.json"), o.statsOut());
        assertEquals(Path.of("rec.jsonl"), o.recordTo());
        assertTrue(!o.demoMode());
    }

    @Test
    void aLyzrUrlNeedsNoRunAndATokenIsNeverAnArgument() {
        LaunchOptions o = WatchCommand.parse(List.of("--url", "wss://lao-socket.studio.lyzr.ai/ws/My%20Flow/run-1"), Map.of());
        assertEquals(ProtocolChoice.LYZR, o.watch().protocol());
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
    void checksItsConnectionAsRecordDoes() {
        assertEquals("a Lyzr run is named by the URL (/ws/{flow}/{run}); --run is for Space Operator",
                assertThrows(IllegalArgumentException.class, () -> WatchCommand.parse(List.of("--url", "ws://h/ws/Flow/run-1",
                        "--run", "a"), Map.of())).getMessage());
        assertEquals("--url: the URL must start with ws:// or wss://", assertThrows(IllegalArgumentException.class,
                () -> WatchCommand.parse(List.of("--url", "http://h/ws", "--run", "a"), Map.of())).getMessage());
        assertEquals("--idle-timeout needs a positive number, not '0'", assertThrows(IllegalArgumentException.class,
                () -> WatchCommand.parse(List.of("--url", "ws://h/ws", "--run", "a", "--idle-timeout", "0"), Map.of())).getMessage());
        LaunchOptions lyzr = WatchCommand.parse(List.of("--url", "ws://h/ws/Flow/run-1", "--token-file", "t.txt"), Map.of());
        assertEquals(Duration.ofSeconds(120), lyzr.watch().limits().idleTimeout(), "Lyzr never waits forever");
        assertEquals(new TokenSource.FromFile(Path.of("t.txt")), lyzr.watch().token());
    }
}
