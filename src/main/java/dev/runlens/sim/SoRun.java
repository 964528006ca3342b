package dev.runlens.sim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.runlens.json.Json;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One Space Operator run being played: an append-only history that every new subscription
 * replays, then live events to the current subscribers. The stream ends after FlowFinish.
 */
final class SoRun {
    /** An emitted event: {@code data} holds time and fields; {@code v2Data} is the data as sent on a v2 stream. */
    record Emitted(String kind, ObjectNode data, String v2Data) {
        boolean inV1() {
            return !kind.equals("SignatureRequest") && !kind.equals("ApiInput");
        }
    }

    /** A stream of this run on one connection. */
    record Subscription(SoConnection connection, long streamId, String runId) {
    }

    private final String id;
    private final List<SoStep> steps;
    private final List<Emitted> history = new ArrayList<>();
    private final List<Subscription> subscriptions = new ArrayList<>();
    /** Subscriptions whose history replay is still being sent. */
    private final List<Subscription> catchingUp = new ArrayList<>();
    private int next;
    private boolean finished;
    /** The output of a run that ended without sending FlowFinish. */
    private ObjectNode silentOutput;
    /** Acted on over HTTP (SimActions): events that replace the rest of the script, and the ApiInput being waited on. */
    private final java.util.ArrayDeque<SoStep> injected = new java.util.ArrayDeque<>();
    private boolean awaitInputs;
    private String waitingUrl;

    SoRun(String id, List<SoStep> steps) {
        this.id = id;
        this.steps = steps;
    }

    String id() {
        return id;
    }

    synchronized boolean finished() {
        return finished;
    }

    /** Emits the next scripted event (FlowFinish withheld when {@code withoutFinish}); returns false once the run has finished. */
    synchronized boolean emitNext(boolean holdWhileUnwatched, boolean withoutFinish) {
        if (finished || next >= steps.size() && injected.isEmpty()) {
            return false;
        }
        if (waitingUrl != null && injected.isEmpty()) {
            return true; // waits for its ApiInput to be answered (SimActions)
        }
        if (holdWhileUnwatched && (subscriptions.isEmpty() || !catchingUp.isEmpty())) {
            // Held: nobody watches, or a subscriber is still being sent the history.
            return true;
        }
        SoStep step = injected.isEmpty() ? steps.get(next++) : injected.poll();
        if (awaitInputs && step.kind().equals("ApiInput")) {
            waitingUrl = step.fields().path("url").asText();
        }
        Emitted e = emitted(step, Instant.now());
        if (withoutFinish && step.kind().equals("FlowFinish")) {
            silentOutput = (ObjectNode) e.data().get("output");
            finish();
            return false;
        }
        history.add(e);
        for (Subscription s : subscriptions) {
            s.connection().deliver(s, e);
        }
        if (step.kind().equals("FlowFinish")) {
            finish();
        }
        return !finished;
    }

    /** Ends the stream of every subscription: the run is over. */
    private void finish() {
        finished = true;
        for (Subscription s : subscriptions) {
            s.connection().streamEnded(s);
        }
        subscriptions.clear();
    }

    /** Adds a live subscription (unless the run finished) and returns the history to replay first. */
    synchronized List<Emitted> subscribe(Subscription s) {
        if (!finished) {
            subscriptions.add(s);
            catchingUp.add(s);
        }
        return List.copyOf(history);
    }

    /** The subscription's history replay has been sent. */
    synchronized void caughtUp(Subscription s) {
        catchingUp.remove(s);
    }

    synchronized void unsubscribe(SoConnection connection) {
        subscriptions.removeIf(s -> s.connection() == connection);
        catchingUp.removeIf(s -> s.connection() == connection);
    }

    /** The FlowFinish output, once finished (for the HTTP output endpoint). */
    synchronized ObjectNode output() {
        if (!finished || silentOutput != null || history.isEmpty()) {
            return silentOutput;
        }
        return (ObjectNode) history.get(history.size() - 1).data().get("output");
    }

    synchronized void awaitInputs() {
        awaitInputs = true;
    }

    /** The URL of the ApiInput this run waits on, or null. */
    synchronized String waitingUrl() {
        return waitingUrl;
    }

    /** The events sent so far (to work out what a stop interrupts). */
    synchronized List<Emitted> history() {
        return List.copyOf(history);
    }

    /** The scripted events not sent yet. */
    synchronized List<SoStep> remaining() {
        return List.copyOf(steps.subList(Math.min(next, steps.size()), steps.size()));
    }

    /** Goes on after its ApiInput: {@code then} replaces the next scripted NodeOutput (the answered value). */
    synchronized boolean answered(SoStep then) {
        if (waitingUrl == null) {
            return false;
        }
        waitingUrl = null;
        if (next < steps.size() && steps.get(next).kind().equals("NodeOutput")) {
            next++;
        }
        injected.add(then);
        return true;
    }

    /** Ends the run with {@code ending} instead of the rest of its script (a stop, a cancelled input); false once finished. */
    synchronized boolean endWith(List<SoStep> ending) {
        if (finished) {
            return false;
        }
        next = steps.size();
        waitingUrl = null;
        injected.clear();
        injected.addAll(ending);
        return true;
    }

    private Emitted emitted(SoStep step, Instant now) {
        ObjectNode data = Json.object();
        ObjectNode v2 = Json.object();
        if (step.kind().equals("SignatureRequest")) {
            // SignatureRequest carries epoch milliseconds and flow_run_id before signatures.
            ObjectNode f = step.fields();
            data.set("id", f.get("id"));
            data.put("time", now.toEpochMilli());
            for (String k : List.of("token", "pubkey", "message", "timeout", "kind")) {
                data.set(k, f.get(k));
            }
            v2.setAll(data);
            v2.put("flow_run_id", id);
            v2.putNull("signatures");
            data.putNull("signatures");
        } else {
            data.put("time", now.toString());
            data.setAll(step.fields());
            v2.setAll(data);
            v2.put("flow_run_id", id);
        }
        return new Emitted(step.kind(), data, Json.compact(v2));
    }
}
