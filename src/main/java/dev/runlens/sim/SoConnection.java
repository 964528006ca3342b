package dev.runlens.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.runlens.json.Json;
import jakarta.websocket.Session;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A client on {@code /ws}, speaking Space Operator v2 (or v1 when the simulator is set so):
 * Authenticate, SubscribeFlowRunEvents (history replay, then live), SubscribeSignatureRequests,
 * with the server's error texts.
 */
final class SoConnection extends SimConnection {
    private final boolean v1;
    private long received;
    private boolean authenticated;
    private final List<Runnable> queuedUntilAuth = new ArrayList<>();

    SoConnection(SimState sim, Session session) {
        super(sim, session, "sim-so-connection");
        this.v1 = sim.options().v1();
    }

    @Override
    void onText(String text) {
        long index = received++;
        later(() -> {
            responseDelay();
            if (v1) {
                handleV1(text, index);
            } else {
                handleV2(text);
            }
        });
    }

    @Override
    void onClosed() {
        sim.unsubscribeAll(this);
    }

    private void handleV2(String text) {
        JsonNode req;
        try {
            req = Json.parse(text);
        } catch (IOException e) {
            respond(-1, null, "expected value at line 1 column 1");
            return;
        }
        if (req == null || !req.isObject() || !req.path("id").canConvertToLong()) {
            respond(-1, null, "missing field `id` at line 1 column " + text.length());
            return;
        }
        long id = req.get("id").longValue();
        String method = req.path("method").asText("");
        JsonNode params = req.get("params");
        if (params == null || !params.isObject()) {
            respond(id, null, "missing field `params`");
            return;
        }
        switch (method) {
            case "Authenticate" -> {
                sim.countAuthentication();
                if (sim.acceptsToken(params.path("token").asText(null))) {
                    authenticated = true;
                    respond(id, sim.userInfo(false), null);
                } else {
                    respond(id, null, "unauthenticated");
                }
            }
            case "SubscribeFlowRunEvents" -> subscribe(id, params, false);
            case "SubscribeSignatureRequests" -> {
                if (!authenticated) {
                    respond(id, null, "unauthorized");
                } else {
                    respond(id, streamOk("stream_id", sim.nextStreamId()), null);
                }
            }
            default -> respond(id, null, "unknown variant `" + method
                    + "`, expected one of `Authenticate`, `SubscribeFlowRunEvents`, `SubscribeSignatureRequests`");
        }
    }

    private void handleV1(String text, long index) {
        JsonNode req;
        try {
            req = Json.parse(text);
        } catch (IOException e) {
            respond(index, null, "expected value at line 1 column 1");
            return;
        }
        if (req != null && req.has("Authenticate")) {
            sim.countAuthentication();
            if (authenticated) {
                respond(index, null, "already authenticated");
            } else if (sim.acceptsToken(req.get("Authenticate").path("token").asText(null))) {
                authenticated = true;
                respond(index, sim.userInfo(true), null);
                List<Runnable> queued = new ArrayList<>(queuedUntilAuth);
                queuedUntilAuth.clear();
                queued.forEach(Runnable::run);
            } else {
                respond(index, null, "unauthenticated");
            }
        } else if (req != null && req.has("SubscribeFlowRunEvents")) {
            Runnable r = () -> subscribe(index, req.get("SubscribeFlowRunEvents"), true);
            if (authenticated) {
                r.run();
            } else {
                queuedUntilAuth.add(r); // v1 servers hold requests until authentication
            }
        } else {
            respond(index, null, "unknown variant, expected `Authenticate` or `SubscribeFlowRunEvents` at line 1 column 2");
        }
    }

    private void subscribe(long id, JsonNode params, boolean legacy) {
        String runId = params.path("flow_run_id").asText(null);
        JsonNode token = params.get("token");
        if (token != null && token.isTextual()) {
            if (!sim.acceptsToken(token.textValue())) {
                respond(id, null, "unauthenticated");
                return;
            }
            authenticated = true;
        }
        Firehose firehose = runId == null || legacy ? null : sim.firehose(runId);
        if (firehose != null && authenticated) {
            long streamId = sim.nextStreamId();
            respond(id, streamOk("stream_id", streamId), null);
            firehose.play(streamId, text -> send(text, false));
            return;
        }
        ManyRuns many = runId == null || legacy ? null : sim.manyRuns.find(runId);
        if (many != null && authenticated) {
            long streamId = sim.nextStreamId();
            respond(id, streamOk("stream_id", streamId), null);
            if (many.subscribed(runId, streamId)) {
                many.play(text -> send(text, false));
            }
            return;
        }
        SoRun run = runId == null ? null : sim.liveRun(runId);
        if (run == null || sim.faults().otherInstance().takes()) {
            respond(id, null, "not found"); // checked before authorisation, as the server does
            return;
        }
        if (!authenticated) {
            respond(id, null, "unauthorized");
            return;
        }
        long streamId = sim.nextStreamId();
        SoRun.Subscription subscription = new SoRun.Subscription(this, streamId, run.id());
        List<SoRun.Emitted> replay = run.subscribe(subscription);
        respond(id, streamOk(legacy ? "subscription_id" : "stream_id", streamId), null);
        for (SoRun.Emitted e : replay) {
            if (!legacy || e.inV1()) {
                send(render(streamId, run.id(), e), false);
            }
        }
        run.caughtUp(subscription);
    }

    /** Queues a live event of a subscribed run. */
    void deliver(SoRun.Subscription s, SoRun.Emitted e) {
        if (v1 && !e.inV1()) {
            return;
        }
        later(() -> send(render(s.streamId(), s.runId(), e), true));
    }

    /** After FlowFinish: v1 says Done to live subscribers, v2 just stops. */
    void streamEnded(SoRun.Subscription s) {
        if (v1) {
            later(() -> send("{\"sub_id\":" + s.streamId() + ",\"event\":\"Done\"}", false));
        }
    }

    private String render(long streamId, String runId, SoRun.Emitted e) {
        if (!v1) {
            return "{\"stream_id\":" + streamId + ",\"event\":\"" + e.kind() + "\",\"data\":" + e.v2Data() + "}";
        }
        ObjectNode frame = Json.object();
        frame.put("sub_id", streamId);
        ObjectNode event = frame.putObject("event");
        event.put("flow_run_id", runId);
        event.set("time", e.data().get("time"));
        ObjectNode fields = event.putObject("content").putObject(e.kind());
        for (Map.Entry<String, JsonNode> f : e.data().properties()) {
            if (!f.getKey().equals("time")) {
                fields.set(f.getKey(), f.getValue());
            }
        }
        return Json.compact(frame);
    }

    private static ObjectNode streamOk(String field, long streamId) {
        ObjectNode ok = Json.object();
        ok.put(field, streamId);
        return ok;
    }

    private void respond(long id, JsonNode ok, String err) {
        ObjectNode r = Json.object();
        r.put("id", id);
        if (err == null) {
            r.set("Ok", ok);
        } else {
            r.put("Err", err);
        }
        send(Json.compact(r), false);
    }
}
