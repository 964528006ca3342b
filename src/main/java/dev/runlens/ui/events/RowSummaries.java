package dev.runlens.ui.events;

import dev.runlens.ui.bridge.FxThread;
import dev.runlens.ui.bridge.SpillFile;
import dev.runlens.ui.rows.EventRow;
import dev.runlens.ui.rows.FrameRef;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Summaries of rows that carry none: rows a replay seek skipped over keep only their entry's place
 * in the log, and their summary is read back and decoded off the FX thread when a row is shown,
 * then kept for the most recently shown rows. FX thread only, except the reading.
 */
final class RowSummaries {
    static final String READING = "…";
    private static final int KEEP = 4096;

    private final Map<FrameRef.InLog, String> known = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<FrameRef.InLog, String> eldest) {
            return size() > KEEP;
        }
    };
    private final Set<FrameRef.InLog> reading = new HashSet<>();
    /** One reader thread, gone when idle (a view has no close). */
    private final ThreadPoolExecutor reader = new ThreadPoolExecutor(1, 1, 5, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
            Thread.ofPlatform().daemon().name("runlens-row-summaries").factory());
    private final Runnable onRead;
    private boolean refreshQueued;

    /** {@code onRead}: called on the FX thread (once per burst) when summaries arrived. */
    RowSummaries(Runnable onRead) {
        this.onRead = onRead;
        reader.allowCoreThreadTimeOut(true);
    }

    /** The row's summary, or {@link #READING} while it is being read back. */
    String of(EventRow row) {
        if (row.summary() != null) {
            return row.summary();
        }
        if (!(row.frame() instanceof FrameRef.InLog ref)) {
            return "";
        }
        String s = known.get(ref);
        if (s != null) {
            return s;
        }
        if (reading.add(ref)) {
            reader.execute(() -> {
                String text = SpillFile.summary(ref);
                FxThread.later(() -> arrived(ref, text));
            });
        }
        return READING;
    }

    private void arrived(FrameRef.InLog ref, String text) {
        reading.remove(ref);
        known.put(ref, text);
        if (!refreshQueued) {
            refreshQueued = true;
            FxThread.later(() -> {
                refreshQueued = false;
                onRead.run();
            });
        }
    }
}
