package dev.runlens.connect;

import dev.runlens.log.SessionRecorder;
import dev.runlens.protocol.ProtocolEvent;
import dev.runlens.protocol.ReceivedFrame;
import dev.runlens.protocol.RunRef;
import jakarta.websocket.CloseReason;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
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

    private final ConnectionRequest request;
    private final ConnectionListener listener;
    private final ConnectionJournal journal;
    private final ConnectionHealth health;
    private final TyrusDialer dialer;
    private final ProtocolChoice protocol;
    private final RunRef lyzrRun;
    private final ServiceHost host;
    private final Map<String, RunTrack> tracks = new LinkedHashMap<>();
    private final ScheduledExecutorService control;

    private Link current;
    private ConnectionState state = ConnectionState.CLOSED;
    private boolean started;
    private boolean stopped;
    private boolean ending;
    private int attempt;
    private Instant lastFrameAt;
    private long sequence;
    private Duration connectTimeout = CONNECT_TIMEOUT;
    private Duration heartbeat = HEARTBEAT;

    /** {@code backoff}: {@link Backoff#standard()}, or another for tests (milliseconds). */
    public ConnectionService(ConnectionRequest request, ConnectionListener listener, SessionRecorder recorder, Backoff backoff) {
        this.request = Objects.requireNonNull(request, "request");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.journal = new ConnectionJournal(request, recorder);
        this.health = new ConnectionHealth(Objects.requireNonNull(backoff, "backoff"), request.giveUpAfter());
        this.dialer = new TyrusDialer(request);
        this.protocol = request.effectiveProtocol();
        this.lyzrRun = protocol == ProtocolChoice.LYZR ? LyzrUrls.run(request.url()) : null;
        if (lyzrRun == null) {
            request.runIds().forEach(id -> tracks.put(id, new RunTrack(id)));
        }
        this.host = new ServiceHost(this, request, lyzrRun, listener, journal, health);
        this.control = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("runlens-connection").factory());
    }

    /** Connects in the background and returns at once. */
    public void start() {
        synchronized (this) {
            if (started) {
                return;
            }
            started = true;
            health.starting(Instant.now());
        }
        // Periodic work first: connect may end the service at once (a refused request) and stop the executor.
        long tick = request.tickMillis();
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
     * Lyzr's run-dag task_id, known once the socket is open: gaps are reconciled from task-status
     * from now on, asked with {@code apiKey} and {@code api} (null: the request's, the base derived).
     */
    public synchronized void lyzrTaskId(String taskId, Secret apiKey, URI api) {
        host.reconciliation().taskId(taskId, apiKey, api);
    }

    public synchronized ConnectionState state() {
        return state;
    }

    /** Runs that the server did not know (never seen on this connection). */
    public synchronized List<String> runsNotFound() {
        return tracks.values().stream().filter(t -> t.notFound).map(t -> t.runId).toList();
    }

    /** Runs that finished while disconnected, so their last events are missing. */
    public synchronized List<String> runsIncomplete() {
        return tracks.values().stream().filter(t -> t.incomplete).map(t -> t.runId).toList();
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
            journal.meta("connecting", Map.of("url", request.displayUrl(), "attempt", attempt));
        }
        try {
            dialer.connect(link, connectTimeout);
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
        tracks.values().forEach(t -> t.cut(now));
        journal.meta("disconnected", Map.of("reason", p.sentence()));
        if (ending) {
            finishAfterGrace(); // the server closes a finished Lyzr run's socket: an awaited answer still counts
            return;
        }
        if (!p.retry()) {
            stopLocked(p.state(), p.sentence());
            return;
        }
        Duration delay = health.lost(now);
        if (delay == null) {
            stopLocked(ConnectionState.FAILED, "Gave up after " + request.giveUpAfter().toSeconds()
                    + " s without a working connection. Last problem: " + p.sentence());
            return;
        }
        setState(ConnectionState.RECONNECTING, p.sentence() + " Reconnecting in " + ConnectionHealth.describe(delay) + ".");
        journal.meta("reconnecting", Map.of("attempt", attempt + 1, "delay_ms", delay.toMillis()));
        control.schedule(this::connect, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    // ---- socket callbacks (Tyrus threads) ----

    void opened(Link link) {
        synchronized (this) {
            if (link != current || stopped) {
                link.close(new CloseReason(CloseReason.CloseCodes.NORMAL_CLOSURE, "closed"));
                return;
            }
            lastFrameAt = Instant.now();
            boolean reconnected = health.disconnectedAt() != null;
            health.reconnected(lastFrameAt);
            link.conversation = protocol == ProtocolChoice.LYZR
                    ? new LyzrConversation(host, lyzrRun, reconnected)
                    : new SpaceOperatorConversation(host, link.decoder, tracks);
            journal.meta("connected", Map.of("url", request.displayUrl()));
            link.conversation.opened();
        }
    }

    void frame(Link link, String received) {
        // The stream key is read (and the frame masked, recorded and decoded) outside the lock:
        // a huge or slow frame then never holds up heartbeats, timers or closing. Tyrus hands one
        // socket's frames over one at a time, so they keep their order.
        long key = FrameKeys.streamKey(received);
        Instant at = Instant.now();
        Conversation conversation;
        long number;
        synchronized (this) {
            if (link != current || stopped || link.conversation == null) {
                return;
            }
            lastFrameAt = at;
            if (key != FrameKeys.NONE || protocol == ProtocolChoice.LYZR) {
                health.delivering(); // a stream frame, replayed or not: the server is there
            }
            // Replayed duplicates go first and cheaply: a long run's every reconnect replays its
            // whole history. The key is a number, so reading it before redaction reveals nothing.
            if (key != FrameKeys.NONE && link.conversation.isReplayDuplicate(key, at)) {
                return;
            }
            conversation = link.conversation;
            number = sequence++;
        }
        // A server that echoes the token (or a Lyzr task input holding the API key) must not get it into the recording.
        String text = journal.redact(received);
        journal.frame(at, text);
        ProtocolEvent event = link.decoder.decode(text);
        listener.onFrame(new ReceivedFrame(number, at, text, event, -1));
        synchronized (this) {
            if (link == current && !stopped) {
                conversation.handle(key, event, at);
            }
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

    private synchronized void tick() {
        if (!stopped && current != null && current.conversation != null) {
            current.conversation.tick(Instant.now());
        }
        Duration idle = request.idleTimeout();
        if (stopped || idle == null || current == null || lastFrameAt == null || host.reconciliation().asking()) {
            return;
        }
        // A silent Lyzr socket: task-status knows whether the run ended meanwhile.
        if (Duration.between(lastFrameAt, Instant.now()).compareTo(idle) > 0 && !host.reconciliation().askBecauseIdle()) {
            stopLocked(ConnectionState.FAILED, request.idleSentence());
        }
    }

    private synchronized void heartbeat() {
        if (!stopped && current != null && current.conversation != null) {
            current.conversation.heartbeat();
        }
    }

    // ---- state ----

    private synchronized void stop(ConnectionState terminal, String message) {
        stopLocked(terminal, message);
    }

    /** Stops for good in {@code terminal}; called with the lock held. */
    void stopLocked(ConnectionState terminal, String message) {
        if (stopped) {
            return;
        }
        stopped = true;
        Link link = current;
        current = null;
        if (link != null) {
            link.close(new CloseReason(CloseReason.CloseCodes.NORMAL_CLOSURE, "runlens: " + terminal.label()));
        }
        journal.meta("stopped", Map.of("state", terminal.label(), "reason", journal.redact(message)));
        setState(terminal, message);
        control.shutdown();
        dialer.shutdownAfter(link);
    }

    void setState(ConnectionState s, String message) {
        state = s;
        listener.onState(s, journal.redact(message));
    }

    private String finishedSentence() {
        return protocol == ProtocolChoice.LYZR ? "The Lyzr run ended." : "Every watched run has finished.";
    }

    // ---- for the host (lock held) ----

    Link current() {
        return current;
    }

    boolean stopped() {
        return stopped;
    }

    boolean ending() {
        return ending;
    }

    /** Every watched run ended; Lyzr waits a grace period for late frames first. */
    void runsEnded(boolean grace) {
        ending = true;
        if (!grace) {
            stopLocked(ConnectionState.FINISHED, finishedSentence());
        } else {
            control.schedule(this::finishAfterGrace, LYZR_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Drops the socket on purpose and connects again soon (a run may be on another server instance). */
    void reconnectSoon(String sentence) {
        Link link = current;
        current = null;
        if (link != null) {
            link.close(new CloseReason(CloseReason.CloseCodes.NORMAL_CLOSURE, "runlens: looking for a run elsewhere"));
        }
        lostConnection(new Problem(ConnectionState.RECONNECTING, sentence, true));
    }

    /**
     * Ends after Lyzr's grace period, but not while a task-status answer is awaited: a task whose
     * events were lost in a drop is known only from that answer (bounded by the fetcher's timeout).
     */
    private synchronized void finishAfterGrace() {
        if (!stopped && host.reconciliation().asking()) {
            control.schedule(this::finishAfterGrace, 50, TimeUnit.MILLISECONDS);
            return;
        }
        stopLocked(ConnectionState.FINISHED, finishedSentence());
    }

    /** The run ended while its events were missed (Lyzr task-status said so). */
    void finish(String sentence) {
        ending = true;
        stopLocked(ConnectionState.FINISHED, sentence);
    }
}
