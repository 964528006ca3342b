package dev.runlens.connect;

import dev.runlens.log.SessionMeta;
import dev.runlens.log.SessionRecorder;
import dev.runlens.model.Gap;
import dev.runlens.protocol.ProtocolEvent;
import dev.runlens.protocol.ReceivedFrame;
import dev.runlens.protocol.RunRef;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import org.glassfish.tyrus.client.ClientManager;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One live connection (Space Operator or Lyzr) that reconnects until its runs end. Frames are
 * recorded before they are decoded, replayed duplicates are dropped before both, and every
 * problem becomes a {@link ConnectionState} with one sentence. Network threads only enqueue to
 * the listener and recorder; connecting and timers run on a thread of the service's own.
 */
public final class ConnectionService implements AutoCloseable {
    static final Duration HEARTBEAT = Duration.ofSeconds(30);
    static final Duration LYZR_GRACE = Duration.ofSeconds(2);
    /** Lyzr's own client waits 15 s for a connection. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(15);
    /** How long a stopped connection waits for the server's close answer before its client shuts down. */
    static final Duration CLOSE_WAIT = Duration.ofSeconds(2);

    private final ConnectionRequest request;
    private final ConnectionListener listener;
    private final SessionRecorder recorder;
    private final Backoff backoff;
    private final ProtocolChoice protocol;
    private final RunRef lyzrRun;
    private final Map<String, RunTrack> tracks = new LinkedHashMap<>();
    private final ScheduledExecutorService control;
    private final Host host = new Host();

    private ClientManager client;
    private Link current;
    private ConnectionState state = ConnectionState.CLOSED;
    private boolean started;
    private boolean stopped;
    private boolean ending;
    private int attempt;
    private int failures;
    private Instant lastFrameAt;
    private Instant disconnectedAt;
    private Instant unhealthySince;
    private long sequence;
    private Duration connectTimeout = CONNECT_TIMEOUT;
    private Duration heartbeat = HEARTBEAT;
    /** A task-status request is in flight (Lyzr). */
    private boolean reconciling;
    /** The idle timeout already asked task-status once: the next answer ends the connection. */
    private boolean idleReconciled;
    /** Another reconnect happened while asking: ask once more with the answer in. */
    private boolean reconcileAgain;
    /** The Lyzr API refused the key: never ask again. */
    private boolean reconcileRefused;
    /** The run-dag task_id (Lyzr); may arrive after the socket opened, see {@link #lyzrTaskId(String)}. */
    private String lyzrTaskId;

    public ConnectionService(ConnectionRequest request, ConnectionListener listener, SessionRecorder recorder) {
        this(request, listener, recorder, Backoff.standard());
    }

    /** With another reconnect backoff (tests use milliseconds). */
    public ConnectionService(ConnectionRequest request, ConnectionListener listener, SessionRecorder recorder, Backoff backoff) {
        this.request = Objects.requireNonNull(request, "request");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.recorder = recorder;
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        this.protocol = request.effectiveProtocol();
        if (protocol == ProtocolChoice.LYZR) {
            String[] fr = LyzrUrls.flowAndRun(request.url());
            if (fr == null) {
                throw new IllegalArgumentException("a Lyzr URL ends in /ws/{flow_name}/{run_name}");
            }
            this.lyzrRun = RunRef.lyzr(fr[0], fr[1]);
        } else {
            this.lyzrRun = null;
            for (String id : request.runIds()) {
                tracks.put(id, new RunTrack(id));
            }
        }
        this.lyzrTaskId = request.lyzrTaskId();
        this.control = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "runlens-connection");
            t.setDaemon(true);
            return t;
        });
    }

    /** Connects in the background and returns at once. */
    public void start() {
        synchronized (this) {
            if (started) {
                return;
            }
            started = true;
            unhealthySince = Instant.now();
        }
        // Periodic work first: connect may end the service at once (a refused request) and stop the executor.
        long tick = request.idleTimeout() == null ? 1000 : Math.max(50, Math.min(1000, request.idleTimeout().toMillis() / 4));
        control.scheduleWithFixedDelay(this::tick, tick, tick, TimeUnit.MILLISECONDS);
        control.scheduleWithFixedDelay(this::heartbeat, heartbeat.toMillis(), heartbeat.toMillis(), TimeUnit.MILLISECONDS);
        control.execute(this::connect);
    }

    /** How long a connection attempt (TCP, TLS and WebSocket handshakes) may take; 15 s by default. */
    synchronized void connectTimeout(Duration timeout) {
        this.connectTimeout = timeout;
    }

    /** The keepalive period (30 s by default); set before {@link #start()}. */
    synchronized void heartbeat(Duration period) {
        this.heartbeat = period;
    }

    /** Adds a Space Operator run; it is subscribed on the open connection (and after reconnects). */
    public void subscribe(String flowRunId) {
        synchronized (this) {
            if (protocol == ProtocolChoice.LYZR || stopped || tracks.containsKey(flowRunId)) {
                return;
            }
            RunTrack track = new RunTrack(flowRunId);
            tracks.put(flowRunId, track);
            if (current != null && current.conversation != null) {
                current.conversation.subscribe(track);
            }
        }
    }

    /**
     * The task_id that run-dag answered for this Lyzr run, when it is known only after the socket
     * opened (Lyzr's own order: connect, then post run-dag). With the request's API key, gaps are
     * reconciled from task-status from now on.
     */
    public synchronized void lyzrTaskId(String taskId) {
        if (taskId != null && !taskId.isBlank()) {
            lyzrTaskId = taskId;
        }
    }

    public synchronized ConnectionState state() {
        return state;
    }

    /** Runs that the server did not know (never seen on this connection). */
    public synchronized List<String> runsNotFound() {
        List<String> ids = new ArrayList<>();
        tracks.values().stream().filter(t -> t.notFound).forEach(t -> ids.add(t.runId));
        return ids;
    }

    /** Runs that finished while disconnected, so their last events are missing. */
    public synchronized List<String> runsIncomplete() {
        List<String> ids = new ArrayList<>();
        tracks.values().stream().filter(t -> t.incomplete).forEach(t -> ids.add(t.runId));
        return ids;
    }

    /** Stops reconnecting and closes the socket. Idempotent. */
    @Override
    public void close() {
        stop(ConnectionState.CLOSED, "Closed.");
    }

    // ---- connecting (control thread) ----

    private void connect() {
        Link link;
        synchronized (this) {
            if (stopped) {
                return;
            }
            String refusal = insecureTokenRefusal();
            if (refusal != null) {
                stopLocked(ConnectionState.FAILED, refusal);
                return;
            }
            attempt++;
            link = new Link(this, (int) request.maxMessageBytes());
            current = link;
            setState(attempt == 1 ? ConnectionState.CONNECTING : ConnectionState.RECONNECTING,
                    "Connecting to " + request.displayUrl() + (attempt == 1 ? "." : " (attempt " + attempt + ")."));
            meta("connecting", Map.of("url", request.displayUrl(), "attempt", attempt));
        }
        try {
            if (client == null) {
                client = ClientFactory.client(request);
            }
            Future<Session> pending = client.asyncConnectToServer(link, ClientFactory.endpointConfig(), ClientFactory.wireUri(request.url()));
            try {
                pending.get(connectTimeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                pending.cancel(true);
                throw new TimeoutException("no handshake answer within " + connectTimeout.toSeconds() + " s");
            } catch (ExecutionException e) {
                throw e.getCause() instanceof Exception cause ? cause : e;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            Problem p = Problem.ofConnectFailure(e, request.url());
            synchronized (this) {
                if (current == link) {
                    current = null;
                    lostConnection(p);
                }
            }
        }
    }

    private String insecureTokenRefusal() {
        if (request.allowInsecure() || !request.sendsTokenInClear()) {
            return null;
        }
        return "Refusing to send the token unencrypted over ws:// to " + request.url().getHost()
                + ": use wss://, or allow insecure connections explicitly.";
    }

    /** Decides between reconnecting and giving up; called with the lock held. */
    private void lostConnection(Problem p) {
        if (stopped) {
            return;
        }
        Instant now = Instant.now();
        meta("disconnected", Map.of("reason", p.sentence()));
        if (ending) {
            stopLocked(ConnectionState.FINISHED, finishedSentence());
            return;
        }
        if (!p.retry()) {
            stopLocked(p.state(), p.sentence());
            return;
        }
        if (disconnectedAt == null) {
            disconnectedAt = now;
        }
        if (unhealthySince == null) {
            unhealthySince = now;
        }
        Duration delay = backoff.delay(failures++);
        Duration giveUp = request.giveUpAfter();
        if (giveUp != null && Duration.between(unhealthySince, now.plus(delay)).compareTo(giveUp) > 0) {
            stopLocked(ConnectionState.FAILED, "Gave up after " + giveUp.toSeconds()
                    + " s without a working connection. Last problem: " + p.sentence());
            return;
        }
        setState(ConnectionState.RECONNECTING, p.sentence() + " Reconnecting in " + seconds(delay) + ".");
        meta("reconnecting", Map.of("attempt", attempt + 1, "delay_ms", delay.toMillis()));
        control.schedule(this::connect, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static String seconds(Duration d) {
        long ms = d.toMillis();
        return ms < 1000 ? ms + " ms" : String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }

    // ---- socket callbacks (Tyrus threads) ----

    void opened(Link link) {
        synchronized (this) {
            if (link != current || stopped) {
                link.close(new CloseReason(CloseReason.CloseCodes.NORMAL_CLOSURE, "closed"));
                return;
            }
            lastFrameAt = Instant.now();
            boolean reconnected = disconnectedAt != null;
            link.conversation = protocol == ProtocolChoice.LYZR
                    ? new LyzrConversation(host, lyzrRun, reconnected)
                    : new SpaceOperatorConversation(host, link.decoder, tracks);
            meta("connected", Map.of("url", request.displayUrl()));
            link.conversation.opened();
            disconnectedAt = null;
        }
    }

    void frame(Link link, String received) {
        synchronized (this) {
            if (link != current || stopped || link.conversation == null) {
                return;
            }
            Instant at = Instant.now();
            lastFrameAt = at;
            // Replayed duplicates go first and cheaply: a long run's every reconnect replays its
            // whole history. The key is a number, so reading it before redaction reveals nothing.
            long key = FrameKeys.streamKey(received);
            if (key != FrameKeys.NONE && link.conversation.isReplayDuplicate(key)) {
                return;
            }
            // A server that echoes the token (or a Lyzr task input holding the API key) must not get it into the recording.
            String text = redact(received);
            if (recorder != null) {
                recorder.frame(at, text);
            }
            ProtocolEvent event = link.decoder.decode(text);
            listener.onFrame(new ReceivedFrame(sequence++, at, text, event, -1));
            link.conversation.handle(key, event);
        }
    }

    void closed(Link link, CloseReason reason) {
        synchronized (this) {
            if (link != current) {
                return;
            }
            current = null;
            lostConnection(Problem.ofClose(reason, request.maxMessageBytes()));
        }
    }

    void failed(Link link, Throwable error) {
        // Tyrus follows an error with onClose, which decides; nothing is lost by waiting for it.
    }

    // ---- timers (control thread) ----

    private void tick() {
        synchronized (this) {
            Duration idle = request.idleTimeout();
            if (stopped || idle == null || current == null || lastFrameAt == null || reconciling) {
                return;
            }
            if (Duration.between(lastFrameAt, Instant.now()).compareTo(idle) > 0) {
                if (canReconcile() && !idleReconciled) {
                    // A silent Lyzr socket: task-status knows whether the run ended meanwhile.
                    idleReconciled = true;
                    reconcile(true);
                    return;
                }
                stopLocked(ConnectionState.FAILED, idleSentence());
            }
        }
    }

    private String idleSentence() {
        Duration idle = request.idleTimeout();
        return "No frame for " + idle.toSeconds() + " s: the run is probably unknown to the server"
                + " or already finished (" + (protocol == ProtocolChoice.LYZR ? "Lyzr stays silent then" : "or the stream stalled") + ").";
    }

    // ---- Lyzr task-status (lock held) ----

    private boolean canReconcile() {
        return protocol == ProtocolChoice.LYZR && lyzrTaskId != null && request.lyzrApiKey() != null && !reconcileRefused;
    }

    /** Asks task-status on a thread of its own; the answer is handled with the lock held. */
    private void reconcile(boolean idle) {
        if (stopped) {
            return;
        }
        if (reconciling) {
            reconcileAgain |= !idle;
            return;
        }
        reconciling = true;
        String taskId = lyzrTaskId;
        Thread t = new Thread(() -> {
            TaskStatusFetcher.Result result = TaskStatusFetcher.fetch(request, taskId);
            synchronized (ConnectionService.this) {
                reconciling = false;
                if (!stopped) {
                    reconciled(result, taskId, idle);
                }
                if (reconcileAgain && canReconcile()) {
                    reconcileAgain = false;
                    reconcile(false);
                }
            }
        }, "runlens-task-status");
        t.setDaemon(true);
        t.start();
    }

    private void reconciled(TaskStatusFetcher.Result r, String taskId, boolean idle) {
        if (r.failure() != null) {
            reconcileRefused |= r.refused();
            String sentence = redact(r.failure());
            meta("reconcile_failed", Map.of("reason", sentence));
            listener.onReconcileFailed(lyzrRun, sentence);
            if (idle) {
                stopLocked(ConnectionState.FAILED, idleSentence() + " " + sentence);
            }
            return;
        }
        com.fasterxml.jackson.databind.JsonNode results;
        try {
            results = dev.runlens.json.Json.parse(redact(dev.runlens.json.Json.compact(r.results())));
        } catch (java.io.IOException e) {
            results = dev.runlens.json.Json.object(); // unreachable: the text was JSON before redaction
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("source", lyzrRun.source().id());
        fields.put("run_id", lyzrRun.runId());
        fields.put("task_id", taskId);
        fields.put("status", r.status());
        fields.put("results", results);
        meta(SessionMeta.RECONCILED, fields);
        Map<String, com.fasterxml.jackson.databind.JsonNode> byTask = new LinkedHashMap<>();
        results.fields().forEachRemaining(e -> byTask.put(e.getKey(), e.getValue()));
        listener.onReconciled(lyzrRun, r.status(), byTask);
        String told = "task-status says the run is " + r.status() + " and lists " + byTask.size() + " completed task(s)";
        if (r.ended() && !ending) {
            ending = true;
            stopLocked(ConnectionState.FINISHED, "The Lyzr run ended while its events were missed: " + told + ".");
        } else if (idle && !ending) {
            stopLocked(ConnectionState.FAILED, idleSentence() + " " + told + ".");
        }
    }

    private void heartbeat() {
        synchronized (this) {
            if (!stopped && current != null && current.conversation != null) {
                current.conversation.heartbeat();
            }
        }
    }

    // ---- state ----

    private void stop(ConnectionState terminal, String message) {
        synchronized (this) {
            stopLocked(terminal, message);
        }
    }

    private void stopLocked(ConnectionState terminal, String message) {
        if (stopped) {
            return;
        }
        stopped = true;
        Link link = current;
        current = null;
        if (link != null) {
            link.close(new CloseReason(CloseReason.CloseCodes.NORMAL_CLOSURE, "runlens: " + terminal.label()));
        }
        meta("stopped", Map.of("state", terminal.label(), "reason", redact(message)));
        setState(terminal, message);
        control.shutdown();
        ClientManager c = client;
        if (c != null) {
            // Shut down Tyrus' own threads once the socket has closed (the server answered our
            // close frame), not before: its sessions schedule on the container's executor.
            Thread t = new Thread(() -> {
                try {
                    if (link != null) {
                        link.awaitClosed(CLOSE_WAIT.toMillis());
                    }
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                c.shutdown();
            }, "runlens-client-shutdown");
            t.setDaemon(true);
            t.start();
        }
    }

    private void setState(ConnectionState s, String message) {
        state = s;
        listener.onState(s, redact(message));
    }

    private String redact(String message) {
        String m = request.token() == null ? message : request.token().redact(message);
        return request.lyzrApiKey() == null ? m : request.lyzrApiKey().redact(m);
    }

    private void meta(String kind, Map<String, ?> fields) {
        if (recorder != null) {
            Map<String, Object> safe = new LinkedHashMap<>();
            fields.forEach((k, v) -> safe.put(k, v instanceof String s ? redact(s) : v));
            recorder.meta(Instant.now(), kind, safe);
        }
    }

    private String finishedSentence() {
        return protocol == ProtocolChoice.LYZR ? "The Lyzr run ended." : "Every watched run has finished.";
    }

    /** The {@link ConversationHost} of this service; every call arrives with the lock held. */
    private final class Host implements ConversationHost {
        @Override
        public void send(String text) {
            if (current != null) {
                current.send(text);
            }
        }

        @Override
        public void ping() {
            if (current != null) {
                current.ping();
            }
        }

        @Override
        public void state(ConnectionState s, String message) {
            setState(s, message);
        }

        @Override
        public void meta(String kind, Map<String, ?> fields) {
            ConnectionService.this.meta(kind, fields);
        }

        @Override
        public void stop(ConnectionState s, String message) {
            stopLocked(s, message);
        }

        @Override
        public void delivering() {
            failures = 0;
            unhealthySince = null;
        }

        @Override
        public void runsEnded(boolean grace) {
            ending = true;
            if (!grace) {
                stopLocked(ConnectionState.FINISHED, finishedSentence());
            } else {
                control.schedule(() -> stop(ConnectionState.FINISHED, finishedSentence()),
                        LYZR_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            }
        }

        @Override
        public void gap(RunRef run, String reason) {
            Instant to = Instant.now();
            Instant from = disconnectedAt != null ? disconnectedAt : to;
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("source", run.source().id());
            fields.put("run_id", run.runId());
            fields.put("from", from.toString());
            fields.put("to", to.toString());
            fields.put("reason", reason);
            ConnectionService.this.meta(SessionMeta.GAP, fields);
            listener.onGap(run, new Gap(from, to, reason));
        }

        @Override
        public void reconcile() {
            if (canReconcile()) {
                ConnectionService.this.reconcile(false);
            }
        }

        @Override
        public void fetchFinalOutput(String runId, Runnable after) {
            Thread t = new Thread(() -> {
                String output = FinalOutputFetcher.fetch(request, runId);
                synchronized (ConnectionService.this) {
                    if (stopped) {
                        return;
                    }
                    if (output != null) {
                        Map<String, Object> fields = new LinkedHashMap<>();
                        fields.put("flow_run_id", runId);
                        fields.put("output", output);
                        ConnectionService.this.meta("final_output", fields);
                        listener.onFinalOutput(new RunRef(dev.runlens.protocol.Source.SPACE_OPERATOR, runId), output);
                    }
                    after.run();
                }
            }, "runlens-final-output");
            t.setDaemon(true);
            t.start();
        }

        @Override
        public Secret token() {
            return request.token();
        }

        @Override
        public ConnectionRequest request() {
            return request;
        }
    }
}
