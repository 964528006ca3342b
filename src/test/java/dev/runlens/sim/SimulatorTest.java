package dev.runlens.sim;

import com.fasterxml.jackson.databind.JsonNode;
import dev.runlens.json.Json;
import dev.runlens.value.Value;
import dev.runlens.value.ValueCodec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SimulatorTest {
    private Simulator sim;

    @AfterEach
    void stop() {
        if (sim != null) {
            sim.close();
        }
    }

    private static JsonNode json(String text) throws Exception {
        return Json.parse(text);
    }

    private RawSocket authenticated() throws Exception {
        RawSocket s = new RawSocket(sim.spaceOperatorUrl());
        s.send("{\"id\":1,\"method\":\"Authenticate\",\"params\":{\"token\":\"" + sim.demoToken() + "\"}}");
        JsonNode ok = json(s.next());
        assertEquals(1, ok.get("id").asInt());
        assertTrue(ok.get("Ok").has("user_id"));
        return s;
    }

    /** Subscribes and returns the events of the stream up to FlowFinish. */
    private static List<JsonNode> subscribeAndRead(RawSocket s, int id, String run) throws Exception {
        s.send("{\"id\":" + id + ",\"method\":\"SubscribeFlowRunEvents\",\"params\":{\"flow_run_id\":\"" + run + "\"}}");
        JsonNode ok = json(s.next());
        assertEquals(id, ok.get("id").asInt(), ok::toString);
        long stream = ok.get("Ok").get("stream_id").asLong();
        List<JsonNode> events = new ArrayList<>();
        while (true) {
            JsonNode e = json(s.next());
            assertEquals(stream, e.get("stream_id").asLong());
            assertFalse(e.has("id"));
            events.add(e);
            if (e.get("event").asText().equals("FlowFinish")) {
                return events;
            }
        }
    }

    @Test
    void streamIdsAreGlobalFromZeroAndEverySubscriptionReplaysTheWholeHistory() throws Exception {
        sim = Simulator.start(SimulatorOptions.fast());
        String run = sim.startRun(SoScenario.FAILING);
        try (RawSocket a = authenticated(); RawSocket b = authenticated()) {
            List<JsonNode> first = subscribeAndRead(a, 2, run);
            List<JsonNode> second = subscribeAndRead(b, 2, run);
            assertEquals(0, first.get(0).get("stream_id").asLong());
            assertEquals(1, second.get(0).get("stream_id").asLong());
            assertEquals(first.stream().map(e -> e.get("data").toString()).toList(),
                    second.stream().map(e -> e.get("data").toString()).toList());
            assertNull(a.poll(100), "the stream must end after FlowFinish");
        }
    }

    @Test
    void failingRunLooksLikeTheServers() throws Exception {
        sim = Simulator.start(SimulatorOptions.fast());
        String run = sim.startRun(SoScenario.FAILING);
        try (RawSocket s = authenticated()) {
            List<JsonNode> events = subscribeAndRead(s, 2, run);
            List<String> kinds = events.stream().map(e -> e.get("event").asText()).toList();
            assertEquals(2, kinds.stream().filter("NodeError"::equals).count());
            JsonNode flowError = events.get(kinds.indexOf("FlowError")).get("data");
            assertEquals("1 nodes failed", flowError.get("error").asText());
            assertEquals(kinds.size() - 2, kinds.indexOf("FlowError"));
            JsonNode finish = events.get(events.size() - 1).get("data");
            assertEquals(1, finish.get("not_run").size());
            for (JsonNode e : events) {
                JsonNode data = e.get("data");
                assertEquals(run, data.get("flow_run_id").asText());
                List<String> names = new ArrayList<>();
                data.fieldNames().forEachRemaining(names::add);
                assertEquals("flow_run_id", names.get(names.size() - 1), "flow_run_id comes last");
                Instant.parse(data.get("time").asText());
            }
        }
    }

    @Test
    void everyValueInEveryScenarioIsAWellFormedTaggedValue() throws Exception {
        sim = Simulator.start(SimulatorOptions.fastBuilder().bigOutputBytes(1000).build());
        try (RawSocket s = authenticated()) {
            int id = 2;
            for (SoScenario scenario : SoScenario.values()) {
                String run = sim.startRun(scenario);
                for (JsonNode e : subscribeAndRead(s, id++, run)) {
                    JsonNode data = e.get("data");
                    for (String field : List.of("input", "output")) {
                        if (data.has(field)) {
                            Value v = ValueCodec.decode(data.get(field));
                            assertTrue(wellFormed(v), () -> scenario + " " + e);
                        }
                    }
                    if (e.get("event").asText().equals("SignatureRequest")) {
                        assertTrue(data.get("time").isIntegralNumber(), "SignatureRequest.time is epoch ms");
                    }
                }
            }
        }
    }

    private static boolean wellFormed(Value v) {
        if (v instanceof Value.Malformed) {
            return false;
        }
        if (v instanceof Value.Map m) {
            return m.entries().values().stream().allMatch(SimulatorTest::wellFormed);
        }
        if (v instanceof Value.Array a) {
            return a.items().stream().allMatch(SimulatorTest::wellFormed);
        }
        return true;
    }

    @Test
    void foreachRunsIterationsConcurrently() throws Exception {
        sim = Simulator.start(SimulatorOptions.fastBuilder().foreachIterations(5).build());
        String run = sim.startRun(SoScenario.FOREACH);
        try (RawSocket s = authenticated()) {
            List<JsonNode> events = subscribeAndRead(s, 2, run);
            int running = 0;
            int most = 0;
            for (JsonNode e : events) {
                String kind = e.get("event").asText();
                if (kind.equals("NodeStart")) {
                    most = Math.max(most, ++running);
                } else if (kind.equals("NodeFinish")) {
                    running--;
                }
            }
            assertTrue(most >= 3, "at most " + most + " executions at once");
            assertTrue(events.stream().anyMatch(e -> e.path("data").path("times").asInt() == 4));
        }
    }

    @Test
    void errorsHaveTheServersTexts() throws Exception {
        sim = Simulator.start(SimulatorOptions.fastBuilder().notFoundAfter(Duration.ofMillis(50)).build());
        String run = sim.startRun(SoScenario.BALANCE);
        try (RawSocket s = new RawSocket(sim.spaceOperatorUrl())) {
            s.send("{\"id\":1,\"method\":\"SubscribeFlowRunEvents\",\"params\":{\"flow_run_id\":\"" + run + "\"}}");
            assertEquals("unauthorized", json(s.next()).get("Err").asText());
            s.send("{\"id\":2,\"method\":\"SubscribeFlowRunEvents\",\"params\":{\"flow_run_id\":\"no-such-run\"}}");
            assertEquals("not found", json(s.next()).get("Err").asText());
            s.send("{\"id\":3,\"method\":\"Authenticate\",\"params\":{\"token\":\"b3-wrong\"}}");
            assertEquals("unauthenticated", json(s.next()).get("Err").asText());
            s.send("{\"Authenticate\":{\"token\":\"x\"}}");
            JsonNode v1Frame = json(s.next());
            assertEquals(-1, v1Frame.get("id").asInt());
            assertTrue(v1Frame.get("Err").asText().startsWith("missing field `id`"));
            s.send("not json");
            assertEquals(-1, json(s.next()).get("id").asInt());
        }
        while (sim.liveSpaceOperatorRuns().contains(run)) {
            Thread.sleep(10);
        }
        try (RawSocket s = authenticated()) {
            String answer = "";
            for (int id = 2; id < 500 && !answer.equals("not found"); id++) {
                s.send("{\"id\":" + id + ",\"method\":\"SubscribeFlowRunEvents\",\"params\":{\"flow_run_id\":\"" + run + "\"}}");
                JsonNode r = json(s.next());
                while (!r.has("id")) {
                    r = json(s.next()); // replayed events of a subscription that still succeeded
                }
                answer = r.path("Err").asText("");
                Thread.sleep(10);
            }
            assertEquals("not found", answer, "a finished run is gone shortly after");
        }
    }

    @Test
    void v1ServerAnswersAV2AuthenticateWithIdZero() throws Exception {
        sim = Simulator.start(SimulatorOptions.fastBuilder().v1(true).build());
        // The run waits for its subscriber: only one that is live at the end is told Done, and on a
        // loaded machine a run of 2 ms steps could otherwise end before the subscription.
        sim.faults().holdRunsWhileUnwatched(true);
        String run = sim.startRun(SoScenario.BALANCE);
        try (RawSocket s = new RawSocket(sim.spaceOperatorUrl())) {
            s.send("{\"id\":1,\"method\":\"Authenticate\",\"params\":{\"token\":\"" + sim.demoToken() + "\"}}");
            JsonNode err = json(s.next());
            assertEquals(0, err.get("id").asInt());
            assertTrue(err.has("Err"));
            s.send("{\"SubscribeFlowRunEvents\":{\"flow_run_id\":\"" + run + "\"}}"); // queued until authenticated
            s.send("{\"Authenticate\":{\"token\":\"" + sim.demoToken() + "\"}}");
            // v1 numbers the frames it receives: the queued subscribe was frame 1, the Authenticate frame 2.
            Map<Integer, JsonNode> answers = new java.util.HashMap<>();
            for (int i = 0; i < 2; i++) {
                JsonNode r = json(s.next());
                answers.put(r.get("id").asInt(), r.get("Ok"));
            }
            assertTrue(answers.get(2).has("user_id"), answers::toString);
            JsonNode sub = answers.get(1);
            assertTrue(sub.has("subscription_id"), answers::toString);
            JsonNode event = json(s.next());
            assertTrue(event.get("event").get("content").isObject(), event::toString);
            String last;
            do {
                last = s.next();
            } while (!last.contains("\"Done\""));
            assertEquals("{\"sub_id\":" + sub.get("subscription_id").asLong() + ",\"event\":\"Done\"}", last);
        }
    }

    @Test
    void lyzrRunStartsWhenItsFirstListenerConnectsAndNeverReplays() throws Exception {
        sim = Simulator.start(SimulatorOptions.fastBuilder().eventInterval(Duration.ofMillis(5)).build());
        LyzrRunName run = sim.startLyzrRun(LyzrScenario.FAILURE);
        assertTrue(sim.liveLyzrRuns().contains(run));
        List<String> frames = new ArrayList<>();
        try (RawSocket s = new RawSocket(sim.lyzrUrl(run.flow(), run.run()))) {
            String f;
            do {
                f = s.next();
                frames.add(f);
            } while (!f.contains("flow_error"));
        }
        assertTrue(frames.get(0).contains("\"type\":\"system\""), frames::toString);
        assertTrue(frames.stream().anyMatch(f -> f.contains("\"event_type\":\"flow_started\"")));
        try (RawSocket late = new RawSocket(sim.lyzrUrl(run.flow(), run.run()))) {
            assertNull(late.poll(200), "a finished Lyzr run stays silent");
        }
        try (RawSocket unknown = new RawSocket(sim.lyzrUrl("Nope", "run-x"))) {
            assertNull(unknown.poll(200), "an unknown Lyzr run stays silent");
            unknown.send("{\"type\":\"ping\"}");
            assertNotEquals(null, unknown.poll(2000), "pings are answered");
        }
    }

    @Test
    void runDagStartsTheRunOnItsWaitingSocketAndTaskStatusListsWhatCompleted() throws Exception {
        sim = Simulator.start(SimulatorOptions.fastBuilder().eventInterval(Duration.ofMillis(5)).build());
        String flow = "Customer Support Pipeline";
        String run = "run-" + java.util.UUID.randomUUID();
        String workflow = LyzrWorkflows.of(LyzrScenario.SUPPORT_PIPELINE, flow, run);
        LyzrApiCalls.Answer noKey = LyzrApiCalls.runDag(sim, null, workflow);
        assertEquals(401, noKey.status());
        assertTrue(noKey.body().get("detail").isTextual());
        assertEquals(401, LyzrApiCalls.runDag(sim, "b3-wrong", workflow).status());
        assertEquals(422, LyzrApiCalls.runDag(sim, sim.demoToken(), "{\"workflow_data\":{},\"inputs\":{}}").status(),
                "the docs' wrapper form is refused, as Lyzr does");
        List<String> frames = new ArrayList<>();
        try (RawSocket s = new RawSocket(sim.lyzrUrl(flow, run))) {
            assertNull(s.poll(100), "nothing before run-dag: Lyzr's client connects first");
            LyzrApiCalls.Answer started = LyzrApiCalls.runDag(sim, sim.demoToken(), workflow);
            assertEquals(200, started.status(), started::toString);
            assertEquals("processing", started.body().get("status").asText());
            String taskId = started.body().get("task_id").asText();
            String f;
            do {
                f = s.next();
                frames.add(f);
            } while (!f.contains("flow_completed"));
            assertTrue(frames.get(0).contains("\"type\":\"system\""), frames::toString);
            assertEquals(401, LyzrApiCalls.taskStatus(sim, "b3-wrong", taskId).status());
            LyzrApiCalls.Answer status = LyzrApiCalls.taskStatus(sim, sim.demoToken(), taskId);
            assertEquals(200, status.status());
            assertEquals("completed", status.body().get("status").asText());
            List<String> tasks = new ArrayList<>();
            status.body().get("results").fieldNames().forEachRemaining(tasks::add);
            assertEquals(List.of("sentiment_analyzer", "categorize_ticket", "update_crm"), tasks);
            assertEquals("shipping_damage", status.body().get("results").get("categorize_ticket").asText());
        }
        assertEquals(404, LyzrApiCalls.taskStatus(sim, sim.demoToken(), "no-such-task").status());
        String failing = LyzrApiCalls.startRun(sim, LyzrScenario.FAILURE, "Financial Data Pipeline", "run-f");
        JsonNode answer;
        do {
            Thread.sleep(20);
            answer = LyzrApiCalls.taskStatus(sim, sim.demoToken(), failing).body();
        } while (answer.get("status").asText().equals("processing"));
        assertEquals("failed", answer.get("status").asText(), "an unwatched run-dag run plays on");
        assertTrue(answer.get("results").has("load_records"));
        assertFalse(answer.get("results").has("validate_financial_data"));
    }
}
