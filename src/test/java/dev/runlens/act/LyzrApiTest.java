package dev.runlens.act;

import dev.runlens.connect.ProtocolChoice;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.runlens.connect.ConnectionRequest;
import dev.runlens.connect.ConnectionState;
import dev.runlens.connect.Secret;
import dev.runlens.json.Json;
import dev.runlens.sim.LyzrWorkflows;
import dev.runlens.sim.LyzrScenario;
import dev.runlens.sim.Simulator;
import dev.runlens.sim.SimulatorOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Lyzr's run-dag against the simulator: the run's socket is open before the post, so it sees the whole run. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LyzrApiTest {
    @TempDir
    Path dir;

    @Test
    void socketOpenedBeforeRunDagReceivesTheWholeRun() throws Exception {
        try (Simulator sim = Simulator.start(SimulatorOptions.fast())) {
            Path file = dir.resolve("wf.json");
            Files.writeString(file, LyzrWorkflows.of(LyzrScenario.SUPPORT_PIPELINE, "Support Flow", "old-run"));
            LyzrWorkflow w = LyzrWorkflow.freshRun(LyzrWorkflow.read(file));
            assertNotEquals("old-run", w.runName());
            assertTrue(w.runName().startsWith("run-"));
            try (WatchedRun run = new WatchedRun(ConnectionRequest.builder(sim.lyzrUrl(w.flowName(), w.runName()))
                    .protocol(ProtocolChoice.LYZR).build(), dir.resolve("l.jsonl"))) {
                run.awaitState(ConnectionState.LIVE, Duration.ofSeconds(15));
                LyzrApi api = new LyzrApi(new ApiTarget(sim.lyzrApiUrl(), Secret.of(sim.demoToken()), null, false), null);
                String taskId = api.runDag(w.body());
                assertFalse(taskId.isBlank());
                run.service().lyzrTaskId(taskId, null, null);
                String first = run.await(f -> f.contains("event_type"), Duration.ofSeconds(20));
                assertTrue(first.contains("flow_started"), first);
                run.await(f -> f.contains("flow_completed"), Duration.ofSeconds(20));
            }
        }
    }

    @Test
    void refusedKeyAndRejectedBodyAreOneSentenceEach() throws Exception {
        try (Simulator sim = Simulator.start(SimulatorOptions.fast())) {
            ObjectNode wf = (ObjectNode) Json.parse(LyzrWorkflows.of(LyzrScenario.FAILURE, "F", "r"));
            LyzrApi wrong = new LyzrApi(new ApiTarget(sim.lyzrApiUrl(), Secret.of("not-the-key"), null, false), null);
            ActionFailure refused = assertThrows(ActionFailure.class, () -> wrong.runDag(LyzrWorkflow.freshRun(wf).body()));
            assertEquals(ActionFailure.Kind.TOKEN_REFUSED, refused.kind());
            assertTrue(refused.sentence().contains("Invalid or missing API key"), refused.sentence());

            LyzrApi right = new LyzrApi(new ApiTarget(sim.lyzrApiUrl(), Secret.of(sim.demoToken()), null, false), null);
            ObjectNode noTasks = wf.deepCopy();
            noTasks.remove("tasks");
            ActionFailure rejected = assertThrows(ActionFailure.class, () -> right.runDag(noTasks));
            assertEquals(ActionFailure.Kind.SERVER, rejected.kind());
            assertTrue(rejected.sentence().contains("HTTP 422: the body is the bare workflow object"), rejected.sentence());
        }
    }

    @Test
    void workflowWrapperAndNonWorkflowsAreRefusedBeforePosting() {
        ActionFailure wrapper = assertThrows(ActionFailure.class,
                () -> LyzrWorkflow.parse("{\"workflow_data\":{},\"inputs\":{}}", "wf.json"));
        assertTrue(wrapper.sentence().contains("bare workflow object"), wrapper.sentence());
        ActionFailure notJson = assertThrows(ActionFailure.class, () -> LyzrWorkflow.parse("tasks:", "wf.yaml"));
        assertEquals("wf.yaml is not a JSON object, so it is not a Lyzr workflow.", notJson.sentence());
    }
}
