package dev.runlens.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.runlens.json.Json;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * What the simulator does when a run is acted on over HTTP: each scenario is a flow with a fixed
 * id that {@code POST /flow/start/{id}} starts (its inputs become the output of an input node);
 * {@code POST /flow/stop/{id}} ends a live run (its running executions fail with "canceled", the
 * nodes it never reached are {@code not_run}); a started run with an {@code ApiInput} waits for
 * {@code POST} (the answered value becomes the node's output) or {@code DELETE} (the node fails).
 */
final class SimActions {
    private final SimState state;
    /** Runs started over HTTP: the only ones that wait for their ApiInput answer. */
    private final Set<String> started = ConcurrentHashMap.newKeySet();

    SimActions(SimState state) {
        this.state = state;
    }

    SimState state() {
        return state;
    }

    /** The fixed flow id of a scenario: the same on every simulator, so a demo can name it. */
    static String flowId(SoScenario scenario) {
        return UUID.nameUUIDFromBytes(("runlens-sim-flow:" + scenario.name()).getBytes(StandardCharsets.UTF_8)).toString();
    }

    static SoScenario scenarioOf(String flowId) {
        return Arrays.stream(SoScenario.values()).filter(s -> flowId(s).equals(flowId)).findFirst().orElse(null);
    }

    /** Starts {@code scenario} with {@code inputs} (tagged values, as received); returns the flow_run_id. */
    String start(SoScenario scenario, ObjectNode inputs) {
        String inputNode = UUID.nameUUIDFromBytes(("input:" + flowId(scenario)).getBytes(StandardCharsets.UTF_8)).toString();
        String id = state.startSoRun(scenario, script -> withInputs(script, inputNode, inputs),
                scenario == SoScenario.SIGNATURE_AND_API_INPUT);
        started.add(id);
        return id;
    }

    private static List<SoStep> withInputs(List<SoStep> script, String node, ObjectNode inputs) {
        List<SoStep> out = new ArrayList<>();
        for (SoStep s : script) {
            out.add(s);
            if (s.kind().equals("FlowStart")) {
                ObjectNode map = Json.object();
                map.set("M", inputs == null ? Json.object() : inputs);
                out.add(step("NodeStart", node, 0, "input", Json.object().set("M", Json.object())));
                out.add(step("NodeOutput", node, 0, "output", map));
                out.add(step("NodeFinish", node, 0, null, null));
            }
        }
        return out;
    }

    /** Stops a live run; false when it is unknown or already finished. */
    boolean stop(String runId, String reason) {
        SoRun run = state.liveRun(runId);
        if (run == null || run.finished()) {
            return false;
        }
        List<SoStep> ending = new ArrayList<>();
        ObjectNode log = Json.object();
        log.put("level", "Info");
        log.putNull("module");
        log.put("content", "stop requested" + (reason == null || reason.isBlank() ? "" : ": " + reason));
        ending.add(new SoStep("FlowLog", log));
        for (String[] exec : running(run)) {
            ObjectNode e = node(exec[0], Integer.parseInt(exec[1]));
            e.put("error", "canceled");
            ending.add(new SoStep("NodeError", e));
        }
        ending.add(finish(run));
        return run.endWith(ending);
    }

    /** The started run waiting on the ApiInput whose URL path is {@code path}, or null. */
    SoRun waitingOn(String path) {
        for (String id : started) {
            SoRun run = state.liveRun(id);
            String url = run == null ? null : run.waitingUrl();
            if (url != null && url.endsWith(path)) {
                return run;
            }
        }
        return null;
    }

    /** The input is answered: the waiting node outputs {@code value}. */
    boolean answer(SoRun run, JsonNode value) {
        String[] exec = lastStarted(run);
        ObjectNode out = Json.object();
        out.putObject("M").set("value", value);
        return run.answered(step("NodeOutput", exec[0], Integer.parseInt(exec[1]), "output", out));
    }

    /** The input is cancelled: the waiting node fails and the run ends. */
    boolean cancel(SoRun run) {
        String[] exec = lastStarted(run);
        ObjectNode e = node(exec[0], Integer.parseInt(exec[1]));
        e.put("error", "api input cancelled");
        ObjectNode flowError = Json.object();
        flowError.put("error", "1 nodes failed");
        return run.endWith(List.of(new SoStep("NodeError", e), new SoStep("FlowError", flowError), finish(run)));
    }

    private static SoStep finish(SoRun run) {
        Set<String> seen = run.history().stream().filter(e -> e.kind().equals("NodeStart"))
                .map(e -> e.data().path("node_id").asText()).collect(Collectors.toSet());
        Set<String> notRun = run.remaining().stream().filter(s -> s.kind().equals("NodeStart"))
                .map(s -> s.fields().path("node_id").asText()).filter(id -> !seen.contains(id))
                .collect(Collectors.toCollection(LinkedHashSet::new));
        ObjectNode f = Json.object();
        ArrayNode nr = f.putArray("not_run");
        notRun.forEach(nr::add);
        f.set("output", Json.object().set("M", Json.object()));
        return new SoStep("FlowFinish", f);
    }

    /** Executions (node_id, times) started and not finished. */
    private static List<String[]> running(SoRun run) {
        Map<String, String[]> open = new java.util.LinkedHashMap<>();
        for (SoRun.Emitted e : run.history()) {
            String key = e.data().path("node_id").asText() + "#" + e.data().path("times").asInt();
            if (e.kind().equals("NodeStart")) {
                open.put(key, new String[] {e.data().path("node_id").asText(), String.valueOf(e.data().path("times").asInt())});
            } else if (e.kind().equals("NodeFinish")) {
                open.remove(key);
            }
        }
        return new ArrayList<>(open.values());
    }

    private static String[] lastStarted(SoRun run) {
        List<String[]> open = running(run);
        return open.isEmpty() ? new String[] {UUID.randomUUID().toString(), "0"} : open.get(open.size() - 1);
    }

    private static ObjectNode node(String id, int times) {
        ObjectNode f = Json.object();
        f.put("node_id", id);
        f.put("times", times);
        return f;
    }

    private static SoStep step(String kind, String id, int times, String field, JsonNode value) {
        ObjectNode f = node(id, times);
        if (field != null) {
            f.set(field, value);
        }
        return new SoStep(kind, f);
    }

    /** The token of a request: {@code x-api-key}, or a Bearer header. */
    static String token(org.glassfish.grizzly.http.server.Request request) {
        String key = request.getHeader("x-api-key");
        String auth = request.getHeader("Authorization");
        if (key == null && auth != null && auth.startsWith("Bearer ")) {
            key = auth.substring("Bearer ".length());
        }
        return key;
    }
}
