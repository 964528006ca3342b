package dev.runlens.sim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.runlens.json.Json;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * One Lyzr run: it starts when its first listener connects (Lyzr's client connects before it
 * posts run-dag) and sends each frame to whoever is connected at that moment: no replay.
 */
final class LyzrRun {
    private final LyzrRunName name;
    private final List<ObjectNode> frames;
    private final List<LyzrConnection> listeners = new ArrayList<>();
    private int next;
    private boolean started;
    private boolean finished;

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
        boolean first = !started;
        started = true;
        return first;
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
        if (!type.equals("keepalive")) {
            frame.put("timestamp", BigDecimal.valueOf(System.currentTimeMillis(), 3));
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
