package dev.runlens.connect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.runlens.json.Json;
import dev.runlens.log.SessionMeta;
import dev.runlens.protocol.ControlEvent;
import dev.runlens.protocol.FrameDecoder;
import dev.runlens.protocol.ProtocolEvent;
import dev.runlens.protocol.RunEvent;
import dev.runlens.protocol.RunRef;
import dev.runlens.protocol.Source;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Space Operator on one socket: v2 Authenticate with ids from 1 (falls back to v1 when the server
 * answers {@code {"id":0,"Err":..}}), one subscription per watched run, responses routed by id,
 * events by stream, and the first N replayed events of a re-subscribed run dropped.
 */
final class SpaceOperatorConversation implements Conversation {
    /** How long {@code /flow/output} may take to answer for a run not found after a reconnect (it waits while the run is live). */
    static final Duration OUTPUT_WAIT = Duration.ofSeconds(2);

    private enum Kind { AUTHENTICATE, SUBSCRIBE }

    private record Pending(Kind kind, RunTrack track) {
    }

    private final ConversationHost host;
    private final FrameDecoder decoder;
    private final Map<String, RunTrack> tracks;
    private final Map<Long, Pending> pending = new HashMap<>();
    private final Map<Long, RunTrack> streams = new HashMap<>();
    private final Map<Long, long[]> toSkip = new HashMap<>();
    private boolean v1;
    private long nextId = 1;
    private long framesSent;
    private boolean authenticated;
    private boolean delivering;
    private int pendingFetches;
    private final QuietRuns quiet;

    SpaceOperatorConversation(ConversationHost host, FrameDecoder decoder, Map<String, RunTrack> tracks) {
        this.host = host;
        this.decoder = decoder;
        this.tracks = tracks;
        this.v1 = host.request().protocol() == ProtocolChoice.SPACE_OPERATOR_V1;
        this.quiet = new QuietRuns(host);
    }

    @Override
    public void opened() {
        if (host.token() != null) {
            host.state(ConnectionState.AUTHENTICATING, "Connected; authenticating.");
            authenticate();
        } else {
            authenticated = true; // no token: subscriptions stand on their own (or are refused)
            subscribeAll();
        }
    }

    private void authenticate() {
        if (v1) {
            ObjectNode req = Json.object();
            req.putObject("Authenticate").put("token", host.token().reveal());
            send(req, Kind.AUTHENTICATE, null);
        } else {
            ObjectNode params = Json.object();
            params.put("token", host.token().reveal());
            send(request("Authenticate", params), Kind.AUTHENTICATE, null);
        }
    }

    private void subscribeAll() {
        for (RunTrack t : tracks.values()) {
            if (t.active()) {
                subscribe(t);
            }
        }
    }

    @Override
    public void subscribe(RunTrack track) {
        if (!authenticated) {
            return; // subscribed once authentication succeeds
        }
        if (v1) {
            ObjectNode req = Json.object();
            req.putObject("SubscribeFlowRunEvents").put("flow_run_id", track.runId);
            send(req, Kind.SUBSCRIBE, track);
        } else {
            ObjectNode params = Json.object();
            params.put("flow_run_id", track.runId);
            send(request("SubscribeFlowRunEvents", params), Kind.SUBSCRIBE, track);
        }
    }

    private ObjectNode request(String method, ObjectNode params) {
        ObjectNode req = Json.object();
        req.put("id", nextId);
        req.put("method", method);
        req.set("params", params);
        return req;
    }

    private void send(ObjectNode frame, Kind kind, RunTrack track) {
        // v2 answers echo our id; v1 servers number the text frames they receive from 0.
        long key = v1 ? framesSent : nextId++;
        pending.put(key, new Pending(kind, track));
        framesSent++;
        host.send(Json.compact(frame));
    }

    @Override
    public boolean isReplayDuplicate(long streamKey, Instant at) {
        long[] left = toSkip.get(streamKey);
        if (left == null) {
            return false;
        }
        streams.get(streamKey).lastEventAt = at;
        left[0]--;
        if (left[0] <= 0) {
            toSkip.remove(streamKey);
        }
        return true;
    }

    @Override
    public void handle(long streamKey, ProtocolEvent event, Instant at) {
        if (event instanceof ControlEvent.Response r) {
            response(r);
            return;
        }
        if (event instanceof ControlEvent.StreamDone done) {
            // v1's {"sub_id":N,"event":"Done"} ends the stream; it carries no stream key of its own.
            RunTrack track = streams.get(done.subscriptionId());
            if (track != null) {
                finished(track);
            }
            return;
        }
        RunTrack track = streamKey == FrameKeys.NONE ? null : streams.get(streamKey);
        if (track == null) {
            return;
        }
        track.kept++;
        track.lastEventAt = at;
        track.nextQuietCheck = null;
        track.signaturePending = event instanceof RunEvent.SignatureRequest;
        if (!delivering && event instanceof RunEvent) {
            delivering = true;
            host.delivering();
        }
        if (event instanceof RunEvent.FlowFinished) {
            finished(track);
        }
    }

    private void finished(RunTrack track) {
        if (!track.finished) {
            track.finished = true;
            if (pendingFetches == 0 && tracks.values().stream().noneMatch(RunTrack::active)) {
                host.runsEnded(false);
            }
        }
    }

    private void response(ControlEvent.Response r) {
        Pending p = pending.remove(r.id());
        if (p == null) {
            unmatched(r);
            return;
        }
        if (p.kind() == Kind.AUTHENTICATE) {
            if (r.ok()) {
                authenticated = true;
                host.delivering(); // opened and authenticated: the server is there
                host.meta("authenticated", Map.of("protocol", v1 ? "space-operator-v1" : "space-operator"));
                if (tracks.values().stream().anyMatch(RunTrack::active)) {
                    host.state(ConnectionState.AUTHENTICATING, "Authenticated; subscribing.");
                    subscribeAll();
                } else {
                    host.state(ConnectionState.LIVE, "Connected and authenticated; no run watched yet.");
                }
            } else if ("already authenticated".equals(r.error())) {
                authenticated = true;
                subscribeAll();
            } else if ("unauthenticated".equals(r.error())) {
                host.stop(ConnectionState.TOKEN_REFUSED,
                        "The server refused the token (unauthenticated): it is wrong, expired or revoked.");
            } else {
                host.stop(ConnectionState.FAILED, "Authentication failed: " + r.error());
            }
            return;
        }
        RunTrack track = p.track();
        if (r.ok()) {
            subscribed(track, r.payload());
        } else if ("not found".equals(r.error())) {
            notFound(track);
        } else if ("unauthorized".equals(r.error())) {
            host.stop(ConnectionState.UNAUTHORIZED, "The token may not read run " + track.runId + " (unauthorized).");
        } else if ("unauthenticated".equals(r.error())) {
            host.stop(ConnectionState.TOKEN_REFUSED, "The server refused the token (unauthenticated).");
        } else {
            host.stop(ConnectionState.FAILED, "The server refused to stream run " + track.runId + ": " + r.error());
        }
    }

    /** A response to an id we never used: v1's answer to a v2 frame, or a parse error. */
    private void unmatched(ControlEvent.Response r) {
        if (!v1 && r.id() == 0 && !r.ok()) {
            if (host.request().protocol() == ProtocolChoice.SPACE_OPERATOR) {
                host.stop(ConnectionState.FAILED, "The server speaks the legacy Space Operator v1 protocol; "
                        + "connect with protocol auto or space-operator-v1.");
                return;
            }
            v1 = true;
            pending.clear();
            host.meta("protocol", Map.of("version", "space-operator-v1", "reason", "the server answered the v2 Authenticate with id 0"));
            host.state(ConnectionState.AUTHENTICATING, "The server speaks Space Operator v1; authenticating again in v1.");
            if (host.token() != null) {
                authenticate();
            } else {
                subscribeAll();
            }
        } else if (!r.ok() && r.id() == -1) {
            host.stop(ConnectionState.FAILED, v1
                    ? "The server could not read a v1 request (" + r.error() + "): it probably speaks v2; use protocol auto."
                    : "The server could not read a request: " + r.error());
        }
    }

    private void subscribed(RunTrack track, JsonNode payload) {
        JsonNode sid = payload == null ? null : payload.has("stream_id") ? payload.get("stream_id") : payload.get("subscription_id");
        if (sid == null || !sid.canConvertToLong()) {
            host.stop(ConnectionState.FAILED, "The server accepted the subscription to " + track.runId + " without a stream id.");
            return;
        }
        long streamId = sid.longValue();
        host.delivering();
        track.subscribed(Instant.now());
        // Register before the next frame: the stream's first events follow its Ok at once.
        decoder.registerStream(streamId, track.runId);
        streams.put(streamId, track);
        if (track.kept > 0) {
            toSkip.put(streamId, new long[] {track.kept});
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put(v1 ? "subscription_id" : "stream_id", streamId);
        fields.put("flow_run_id", track.runId);
        host.meta(SessionMeta.SUBSCRIBED, fields);
        long watching = tracks.values().stream().filter(RunTrack::active).count();
        host.state(ConnectionState.LIVE, "Live: watching " + watching + (watching == 1 ? " run." : " runs."));
    }

    private void notFound(RunTrack track) {
        if (track.kept > 0) {
            seenBeforeNotFound(track);
            return;
        }
        track.notFound = true;
        host.meta("not_found", Map.of("flow_run_id", track.runId));
        if (host.token() != null) {
            // Offer what the server still has: the run's final output over HTTP.
            pendingFetches++;
            host.fetchFinalOutput(track.runId, FinalOutputFetcher.TIMEOUT, found -> {
                pendingFetches--;
                maybeEnd(track);
            });
        } else {
            maybeEnd(track);
        }
    }

    /**
     * Seen before the drop, gone now: it finished while we were away, or this socket reached a
     * server instance that does not hold it. An output at {@code /flow/output} settles it at once;
     * otherwise the run is looked for again (on a new socket) until the retry window closes.
     */
    private void seenBeforeNotFound(RunTrack track) {
        if (track.notFoundSince == null) {
            track.notFoundSince = Instant.now();
        }
        if (host.token() == null) {
            afterNotFound(track, false);
            return;
        }
        pendingFetches++;
        host.fetchFinalOutput(track.runId, OUTPUT_WAIT, found -> {
            pendingFetches--;
            if (host.isCurrent(this)) {
                afterNotFound(track, found);
            }
        });
    }

    private void afterNotFound(RunTrack track, boolean outputFound) {
        if (!track.active()) {
            maybeEnd(track);
            return;
        }
        Duration window = host.request().notFoundRetry();
        if (!outputFound && Duration.between(track.notFoundSince, Instant.now()).compareTo(window) < 0) {
            host.meta("not_found_retry", Map.of("flow_run_id", track.runId));
            host.reconnectSoon("Run " + track.runId + " streamed before but is not found on this server now: looking for it again"
                    + " (another server instance may hold it) for up to " + window.toSeconds() + " s.");
            return;
        }
        track.incomplete = true;
        track.finished = true;
        Instant to = host.reconnectedAt() != null ? host.reconnectedAt() : Instant.now();
        host.gap(new RunRef(Source.SPACE_OPERATOR, track.runId), track.lostAt != null ? track.lostAt : to, to,
                "the run finished while disconnected; its last events were not received");
        host.state(ConnectionState.LIVE, "Run " + track.runId + " finished while disconnected: its last events are missing.");
        maybeEnd(track);
    }

    private void maybeEnd(RunTrack track) {
        boolean active = tracks.values().stream().anyMatch(RunTrack::active);
        if (active) {
            if (track.notFound) {
                host.state(ConnectionState.LIVE, "Run " + track.runId + " is not live on this server (not found).");
            }
            return;
        }
        if (pendingFetches > 0) {
            return;
        }
        if (tracks.values().stream().anyMatch(t -> t.finished)) {
            host.runsEnded(false);
        } else {
            host.stop(ConnectionState.NOT_FOUND, "Run " + track.runId
                    + " is not live on this server: it never existed here or has already finished.");
        }
    }

    @Override
    public void tick(Instant now) {
        quiet.check(streams.values(), now, this::finished);
    }

    @Override
    public void heartbeat() {
        host.ping(); // a WebSocket Ping: the server answers Pong
    }
}
