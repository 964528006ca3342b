package dev.runlens.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.runlens.json.Json;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * One Lyzr run: it starts when run-dag is posted for it, or (demo runs) when its first listener
 * connects, and sends each frame to whoever is connected at that moment: no replay. What it
 * completed is kept for task-status.
 */
final class LyzrRun {
    private final LyzrRunName name;
    private final List<ObjectNode> frames;
    private final List<LyzrConnection> listeners = new ArrayList<>();
    private int next;
    private boolean started;
    private boolean finished;
    private String status = "processing";
    private final ObjectNode results = Json.object();

    LyzrRun(LyzrRunName name, List<ObjectNode> frames) {
        this.name = name;
        this.frames = frames;
    }

    LyzrRunName name() {
        return name;
    }

    /** Adds a listener; returns true when this is the first one, so the run should start. */
    synchronized boolean attach(LyzrConnection c) {
        if (finished) {
            return false; // finished runs stay silent
        }
        listeners.add(c);
        return begin();
    }

    /** Marks the run started; true the first time only, so it is played once. */
    synchronized boolean begin() {
        boolean first = !started;
        started = true;
        return first;
    }

    /** The task-status answer: the status and every task completed so far with its output. */
    synchronized ObjectNode taskStatus() {
        ObjectNode o = Json.object();
        o.put("status", status);
        o.set("results", results.deepCopy());
        return o;
    }

    synchronized void detach(LyzrConnection c) {
        listeners.remove(c);
    }

    synchronized boolean finished() {
        return finished;
    }

    /** Sends the next frame to the current listeners; false once the run is over. */
    synchronized boolean emitNext(boolean holdWhileUnwatched) {
        if (finished || next >= frames.size()) {
            return false;
        }
        if (holdWhileUnwatched && listeners.isEmpty()) {
            return true;
        }
        ObjectNode frame = frames.get(next++).deepCopy();
        String type = frame.path("event_type").asText();
        if (!type.equals("keepalive") && !frame.has("timestamp")) {
            frame.put("timestamp", BigDecimal.valueOf(System.currentTimeMillis(), 3));
        }
        if (type.equals("task_completed")) {
            JsonNode output = frame.get("output");
            results.set(frame.path("task_name").asText(), output == null ? Json.nodes().nullNode() : output);
        } else if (type.equals("flow_completed")) {
            status = "completed";
        } else if (type.equals("flow_error")) {
            status = "failed";
        }
        String text = Json.compact(frame);
        for (LyzrConnection c : listeners) {
            c.event(text);
        }
        if (type.equals("flow_completed") || type.equals("flow_error")) {
            finished = true;
            for (LyzrConnection c : listeners) {
                c.runEnded();
            }
            listeners.clear();
        }
        return !finished;
    }
}
