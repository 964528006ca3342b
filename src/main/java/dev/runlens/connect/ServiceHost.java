package dev.runlens.connect;

import dev.runlens.log.SessionMeta;
import dev.runlens.model.Gap;
import dev.runlens.protocol.RunRef;
import dev.runlens.protocol.Source;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What a conversation (and Lyzr reconciliation) may ask of its {@link ConnectionService}: send,
 * record meta, report gaps, fetch a final output, stop. Every call arrives with the service's
 * lock held.
 */
final class ServiceHost implements ConversationHost, LyzrReconciliation.Connection {
    private final ConnectionService service;
    private final ConnectionRequest request;
    private final ConnectionListener listener;
    private final ConnectionJournal journal;
    private final ConnectionHealth health;
    private final LyzrReconciliation reconciliation;

    /** {@code lyzrRun}: the Lyzr run the URL names, or null for Space Operator. */
    ServiceHost(ConnectionService service, ConnectionRequest request, RunRef lyzrRun, ConnectionListener listener,
                ConnectionJournal journal, ConnectionHealth health) {
        this.service = service;
        this.request = request;
        this.listener = listener;
        this.journal = journal;
        this.health = health;
        this.reconciliation = new LyzrReconciliation(service, request, lyzrRun, journal, listener, this);
    }

    LyzrReconciliation reconciliation() {
        return reconciliation;
    }

    @Override
    public void send(String text) {
        Link current = service.current();
        if (current != null) {
            current.send(text);
        }
    }

    @Override
    public void ping() {
        Link current = service.current();
        if (current != null) {
            current.ping();
        }
    }

    @Override
    public void state(ConnectionState s, String message) {
        service.setState(s, message);
    }

    @Override
    public void meta(String kind, Map<String, ?> fields) {
        journal.meta(kind, fields);
    }

    @Override
    public void endedWithoutFinish(RunRef run) {
        listener.onEndedWithoutFinish(run);
    }

    @Override
    public void stop(ConnectionState s, String message) {
        service.stopLocked(s, message);
    }

    @Override
    public void delivering() {
        health.delivering();
    }

    @Override
    public void runsEnded(boolean grace) {
        service.runsEnded(grace);
    }

    @Override
    public void gap(RunRef run, String reason) {
        Instant to = health.reconnectedAt() != null ? health.reconnectedAt() : Instant.now();
        Instant from = health.outageFrom() != null ? health.outageFrom() : to;
        gap(run, from, to, reason);
    }

    @Override
    public Instant reconnectedAt() {
        return health.reconnectedAt();
    }

    @Override
    public boolean isCurrent(Conversation c) {
        Link current = service.current();
        return !service.stopped() && current != null && current.conversation == c;
    }

    @Override
    public void reconnectSoon(String sentence) {
        service.reconnectSoon(sentence);
    }

    @Override
    public void gap(RunRef run, Instant from, Instant to, String reason) {
        if (to.isBefore(from)) {
            to = from;
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("source", run.source().id());
        fields.put("run_id", run.runId());
        fields.put("from", from.toString());
        fields.put("to", to.toString());
        fields.put("reason", reason);
        journal.meta(SessionMeta.GAP, fields);
        listener.onGap(run, new Gap(from, to, reason));
    }

    @Override
    public void reconcile() {
        reconciliation.askAfterGap();
    }

    @Override
    public void fetchFinalOutput(String runId, Duration timeout, Consumer<Boolean> after) {
        Thread.ofPlatform().daemon().name("runlens-final-output").start(() -> {
            String output = FinalOutputFetcher.fetch(request, runId, timeout);
            synchronized (service) {
                if (service.stopped()) {
                    return;
                }
                if (output != null) {
                    Map<String, Object> fields = new LinkedHashMap<>();
                    fields.put("flow_run_id", runId);
                    fields.put("output", output);
                    journal.meta("final_output", fields);
                    listener.onFinalOutput(new RunRef(Source.SPACE_OPERATOR, runId), output);
                }
                after.accept(output != null);
            }
        });
    }

    @Override
    public Secret token() {
        return request.token();
    }

    @Override
    public ConnectionRequest request() {
        return request;
    }

    // ---- what task-status answers may do ----

    @Override
    public boolean stopped() {
        return service.stopped();
    }

    @Override
    public boolean ending() {
        return service.ending();
    }

    @Override
    public void finish(String sentence) {
        service.finish(sentence);
    }

    @Override
    public void giveUpIdle(String detail) {
        service.stopLocked(ConnectionState.FAILED, request.idleSentence() + " " + detail);
    }
}
