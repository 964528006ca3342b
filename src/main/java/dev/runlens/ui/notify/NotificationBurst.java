package dev.runlens.ui.notify;

import dev.runlens.protocol.RunRef;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The runs one desktop notification speaks for. Runs that end within {@link #QUIET_MILLIS} of the
 * last notification join it (it is replaced, counts and all); after a quiet spell, or once the
 * operator looked at the window, the next run starts a new one. Remembers which run each sent
 * notification opens when clicked. Used from one thread (the notifier's).
 */
final class NotificationBurst {
    static final long QUIET_MILLIS = 10_000;
    private static final int REMEMBERED = 32;
    private final NoticeCounts counts = new NoticeCounts();
    private final Map<Long, RunRef> targets = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, RunRef> eldest) {
            return size() > REMEMBERED;
        }
    };
    private long currentId;
    private long lastSentAt;

    void add(RunOutcome outcome, long nowMillis) {
        if (currentId != 0 && nowMillis - lastSentAt > QUIET_MILLIS) {
            end();
        }
        counts.add(outcome);
    }

    /** The operator looked: the next run starts a new notification. */
    void end() {
        counts.clear();
        currentId = 0;
    }

    boolean isEmpty() {
        return counts.isEmpty();
    }

    /** The id of the notification this burst replaces, 0 for a new one. */
    long replacesId() {
        return currentId;
    }

    /** "3 runs finished, 1 failed". */
    String summary() {
        return counts.summary();
    }

    /** The newest failure's sentence, else the newest run's. */
    String body() {
        RunOutcome o = counts.newestFailure() != null ? counts.newestFailure() : counts.newest();
        return o == null ? "" : o.sentence();
    }

    boolean anyFailed() {
        return counts.failed() > 0;
    }

    /** The notification {@code id} shows this burst now. */
    void sent(long id, long nowMillis) {
        currentId = id;
        lastSentAt = nowMillis;
        RunOutcome o = counts.newestFailure() != null ? counts.newestFailure() : counts.newest();
        if (o != null) {
            targets.put(id, o.ref());
        }
    }

    /** The run notification {@code id} opens, or null for one we did not send. */
    RunRef target(long id) {
        return targets.get(id);
    }
}
