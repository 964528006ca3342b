package dev.runlens.ui.runs;

import dev.runlens.connect.ConnectionState;
import dev.runlens.model.Run;
import dev.runlens.model.RunStatus;
import dev.runlens.protocol.RunRef;
import dev.runlens.ui.dashboard.Feed;
import dev.runlens.ui.dashboard.FeedStatus;
import dev.runlens.ui.dashboard.TrackedRun;

import java.time.Duration;
import java.time.Instant;

/**
 * A snapshot of one run for the runs list, taken once per batch. Times on our clock (receive times)
 * and the server's (event times) are kept apart: elapsed time never subtracts one from the other
 * (decision 0048); {@code clockOffset} is how far the server's clock is ahead of ours.
 */
public record RunRow(RunRef ref, RunStatus status, boolean terminal, Instant startedAt, Instant finishedAt,
                     Instant lastEventTime, int done, int started, int errors, boolean live,
                     ConnectionState connection, Instant lastReceivedAt, Instant firstReceivedAt, Instant endReceivedAt,
                     Duration clockOffset, Feed feed) {

    /** A live run that heard nothing for this long is shown as stale. */
    public static final Duration STALE_AFTER = Duration.ofSeconds(15);

    static RunRow of(TrackedRun track, FeedStatus feed) {
        Run run = track.run();
        return new RunRow(run.ref(), run.status(), run.terminal(), run.startedAt(), run.finishedAt(), run.lastEventTime(),
                run.finishedExecutions(), run.executions().size(), run.errors().size(), track.feed().live(),
                feed == null ? null : feed.state(), track.lastReceivedAt(), track.firstReceivedAt(), track.endReceivedAt(),
                track.clockOffset(), track.feed());
    }

    /** Short display name: Lyzr "flow/run", Space Operator the first part of the run id. */
    public String name() {
        String id = ref.runId();
        if (ref.source().isSpaceOperator() && id.length() > 13) {
            return id.substring(0, 8) + "…" + id.substring(id.length() - 4);
        }
        int slash = id.lastIndexOf('/');
        if (slash > 0 && id.length() - slash - 1 > 12) {
            // Lyzr: the flow name matters most; run names are usually long generated ids.
            return id.substring(0, slash) + " · " + id.substring(slash + 1, slash + 1 + 8) + "…";
        }
        return id;
    }

    /**
     * Elapsed time: to the finish for ended runs, to now for live ones, to the last frame for files.
     * An ended run's start and finish are both server times; a running one's start is moved onto our
     * clock by the clock offset, so a server whose clock is off does not make it hours old.
     */
    public Duration elapsed(Instant now) {
        Instant end;
        Instant start;
        if (terminal && startedAt != null && finishedAt != null) {
            start = startedAt;
            end = finishedAt;
        } else {
            start = startedAt != null && clockOffset != null ? startedAt.minus(clockOffset) : firstReceivedAt;
            end = terminal ? endReceivedAt : live ? now : lastReceivedAt;
        }
        if (start == null) {
            return null;
        }
        if (end == null || end.isBefore(start)) {
            return Duration.ZERO;
        }
        return Duration.between(start, end);
    }

    /** "server clock +3 min" when the server's clock is more than a few seconds from ours, else null. */
    public String clockNote() {
        return ServerClock.note(clockOffset);
    }

    public Duration sinceLastEvent(Instant now) {
        return lastReceivedAt == null ? null : Duration.between(lastReceivedAt, now);
    }

    /** A live, unfinished run whose connection is silent or not live. */
    public boolean stale(Instant now) {
        if (!live || terminal) {
            return false;
        }
        if (connection != null && connection != ConnectionState.LIVE) {
            return true;
        }
        Duration since = sinceLastEvent(now);
        return since != null && since.compareTo(STALE_AFTER) > 0;
    }

    /** The second line of a list entry. */
    public String detail(Instant now) {
        StringBuilder b = new StringBuilder();
        b.append(ref.source().label()).append(" · ").append(format(elapsed(now)))
                .append(" · ").append(done).append('/').append(started).append(" done");
        if (errors > 0) {
            b.append(" · ").append(errors).append(errors == 1 ? " error" : " errors");
        }
        if (live && !terminal) {
            b.append(" · ").append(connection == null ? "connecting" : connection.label());
            Duration since = sinceLastEvent(now);
            if (since != null) {
                b.append(", last event ").append(Math.max(0, since.toSeconds())).append(" s ago");
            }
        } else if (!live) {
            b.append(" · file");
        }
        String clock = clockNote();
        if (clock != null) {
            b.append(" · ").append(clock);
        }
        return b.toString();
    }

    public static String format(Duration d) {
        if (d == null) {
            return "–";
        }
        long ms = d.toMillis();
        if (ms < 1000) {
            return ms + " ms";
        }
        if (ms < 60_000) {
            return String.format("%.1f s", ms / 1000.0);
        }
        long s = ms / 1000;
        if (s < 3600) {
            return String.format("%dm %02ds", s / 60, s % 60);
        }
        return String.format("%dh %02dm", s / 3600, (s % 3600) / 60);
    }
}
