package dev.runlens.connect;

import dev.runlens.log.SessionMeta;
import dev.runlens.protocol.RunRef;
import dev.runlens.protocol.Source;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Space Operator runs whose stream stops without FlowFinish (the server does that when a run
 * fails before its graph is built). After the request's quiet period without an event (three
 * times as long while a SignatureRequest waits for a person), {@code GET /flow/output} is asked:
 * an output means the run is over, and it ends with a gap from its last event; no answer (the
 * server holds it back while the run is live) or none at all leaves the run stale, and it is
 * asked about again after another quiet period. Called with the connection's lock held.
 */
final class QuietRuns {
    /** How long the server may hold back its answer: longer means the run is still live. */
    static final Duration ASK_WAIT = Duration.ofSeconds(5);
    /** A pending signature waits for a person: the quiet period is this many times longer. */
    static final int SIGNATURE_FACTOR = 3;

    private final ConversationHost host;

    QuietRuns(ConversationHost host) {
        this.host = host;
    }

    /** Asks about every run in {@code subscribed} that has been quiet too long; {@code ended} takes the runs found over. */
    void check(Collection<RunTrack> subscribed, Instant now, Consumer<RunTrack> ended) {
        for (RunTrack track : subscribed) {
            if (!track.active() || track.checkingQuiet || track.lastEventAt == null) {
                continue;
            }
            Duration quiet = quietPeriod(track);
            Instant due = track.nextQuietCheck != null ? track.nextQuietCheck : track.lastEventAt.plus(quiet);
            if (now.isBefore(due)) {
                continue;
            }
            track.checkingQuiet = true;
            Instant lastEvent = track.lastEventAt;
            host.fetchFinalOutput(track.runId, ASK_WAIT, over -> {
                track.checkingQuiet = false;
                if (track.active() && lastEvent.equals(track.lastEventAt)) {
                    answered(track, over, quiet, ended);
                }
            });
        }
    }

    private Duration quietPeriod(RunTrack track) {
        Duration quiet = host.request().quietPeriod();
        return track.signaturePending ? quiet.multipliedBy(SIGNATURE_FACTOR) : quiet;
    }

    private void answered(RunTrack track, boolean over, Duration quiet, Consumer<RunTrack> ended) {
        Instant now = Instant.now();
        long seconds = Duration.between(track.lastEventAt, now).toSeconds();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("flow_run_id", track.runId);
        fields.put("quiet_s", seconds);
        if (over) {
            host.gap(new RunRef(Source.SPACE_OPERATOR, track.runId), track.lastEventAt, now,
                    "the stream stopped without FlowFinish; /flow/output says the run is over");
            host.meta(SessionMeta.QUIET_END, fields);
            host.endedWithoutFinish(new RunRef(Source.SPACE_OPERATOR, track.runId));
            host.state(ConnectionState.LIVE, "Run " + track.runId + " sent nothing for " + seconds
                    + " s and the server says it is over: ended without FlowFinish.");
            ended.accept(track);
        } else {
            track.nextQuietCheck = now.plus(quiet);
            host.meta("stale", fields);
            host.state(ConnectionState.LIVE, "Run " + track.runId + " has sent nothing for " + seconds
                    + " s and the server gives no output yet: stale, still waiting (asking again in " + quiet.toSeconds() + " s).");
        }
    }
}
