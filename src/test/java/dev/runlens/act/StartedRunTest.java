package dev.runlens.act;

import dev.runlens.log.SessionHeader;
import dev.runlens.log.SessionRecorder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What "Run again" reads back: the run_started meta lines of a session log, and the last inputs per flow. */
class StartedRunTest {
    @TempDir
    Path dir;

    @Test
    void startedRunsAreReadBackFromTheSessionLog() throws Exception {
        Path log = dir.resolve("s.jsonl");
        try (SessionRecorder r = SessionRecorder.start(log, new SessionHeader(1, "space-operator", "ws://h/ws", Instant.now(), "t"))) {
            r.frame(Instant.now(), "{\"stream_id\":0,\"event\":\"FlowStart\",\"data\":{\"meta\":\"run_started\"}}");
            r.meta(Instant.now(), StartedRun.META, StartedRun.spaceOperator("run-1", "flow-9", "{\"a\":{\"U\":\"1\"}}").metaFields());
        }
        Map<String, StartedRun> all = StartedRun.readAll(log);
        assertEquals(1, all.size());
        StartedRun s = all.get("run-1");
        assertEquals("flow-9", s.flowId());
        assertEquals("{\"a\":{\"U\":\"1\"}}", s.inputs());
        assertNull(s.workflow());
    }

    @Test
    void aLogWithoutStartsOrNoLogAtAllKnowsNoInputs() {
        assertTrue(StartedRun.readAll(dir.resolve("missing.jsonl")).isEmpty());
    }

    @Test
    void lastInputsAreRememberedPerFlowInAPrivateFile() throws Exception {
        LastInputs last = new LastInputs(dir.resolve("config"));
        assertNull(last.load("f1"));
        last.remember("f1", new LastInputs.Entry("{\"a\":1}", FlowInputs.Form.PLAIN));
        last.remember("f2", new LastInputs.Entry("{\"b\":{\"S\":\"x\"}}", FlowInputs.Form.TAGGED));
        last.remember("f1", new LastInputs.Entry("{\"a\":2}", FlowInputs.Form.PLAIN));
        LastInputs again = new LastInputs(dir.resolve("config"));
        assertEquals(new LastInputs.Entry("{\"a\":2}", FlowInputs.Form.PLAIN), again.load("f1"));
        assertEquals(FlowInputs.Form.TAGGED, again.load("f2").form());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(last.file())));
    }
}
