package dev.runlens.ui.search;

import dev.runlens.history.SearchHit;
import dev.runlens.model.Execution;
import dev.runlens.model.Run;
import dev.runlens.protocol.RunRef;
import dev.runlens.protocol.Source;
import dev.runlens.ui.dashboard.DashboardModel;
import dev.runlens.ui.dashboard.Selection;
import dev.runlens.ui.replay.ReplayController;
import javafx.animation.AnimationTimer;

import java.nio.file.Path;

/**
 * Opens a hit: the recording in the replay view, paused, at the entry where the execution first
 * appears, with the execution selected. The steps wait on the replay's own progress (the file is
 * indexed, then the seek restores the model) from the FX thread, a frame at a time.
 */
final class HitOpener {
    private static final long GIVE_UP_NANOS = 60_000_000_000L;

    private final ReplayController replay;
    private final DashboardModel model;
    private final Selection selection;
    private SearchHit pending;
    private boolean opened;
    private boolean sought;
    private long since;
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            step(now);
        }
    };

    HitOpener(ReplayController replay, DashboardModel model, Selection selection) {
        this.replay = replay;
        this.model = model;
        this.selection = selection;
        replay.onOpened(this::opened);
    }

    void open(SearchHit hit) {
        pending = hit;
        opened = false;
        sought = false;
        since = System.nanoTime();
        replay.open(hit.recording(), false);
        timer.start();
    }

    private void opened(Path file) {
        if (pending != null && file.toAbsolutePath().normalize().equals(pending.recording().toAbsolutePath().normalize())) {
            opened = true;
        }
    }

    private void step(long now) {
        SearchHit hit = pending;
        if (hit == null || now - since > GIVE_UP_NANOS) {
            pending = null;
            timer.stop();
            return;
        }
        if (!opened) {
            return;
        }
        int target = (int) Math.min(Integer.MAX_VALUE, hit.entry() + 1);
        if (!sought) {
            // The entry must be indexed before the playhead can go there.
            if (replay.sizeProperty().get() >= target || replay.progressProperty().get() >= 1.0) {
                replay.seek(target);
                sought = true;
            }
            return;
        }
        Source source = Source.ofId(hit.protocol());
        RunRef ref = new RunRef(source == null ? Source.SPACE_OPERATOR : source, hit.run());
        Run run = model.runModel().run(ref);
        if (run == null) {
            return;
        }
        Execution exec = hit.node() == null ? null : run.execution(hit.node(), hit.times());
        if (hit.node() != null && exec == null) {
            return;
        }
        selection.select(ref, exec);
        pending = null;
        timer.stop();
    }

    void stop() {
        pending = null;
        timer.stop();
    }
}
