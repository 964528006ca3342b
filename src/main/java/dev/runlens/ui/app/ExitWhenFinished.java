package dev.runlens.ui.app;

import dev.runlens.launch.ExitCodes;
import dev.runlens.ui.dashboard.DashboardModel;
import dev.runlens.ui.dashboard.FeedStatus;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * When {@code watch --exit-when-finished} closes the window, and with which status: the same as
 * {@code record}'s (3 token refused, 4 a run not found or ended unseen, 5 gave up). Plain Java,
 * so it is tested without a window.
 */
final class ExitWhenFinished {
    private ExitWhenFinished() {
    }

    /**
     * Over when every run shown has ended and every requested run is among them (a run that has
     * not sent its first event yet keeps the window open), or when every live feed stopped for good.
     */
    static boolean over(DashboardModel model, List<String> requested, List<FeedStatus> feeds) {
        if (model.allRunsFinished()) {
            Set<String> ended = model.runModel().runs().stream().map(r -> r.ref().runId()).collect(Collectors.toSet());
            if (ended.containsAll(requested)) {
                return true;
            }
        }
        return !feeds.isEmpty() && feeds.stream().allMatch(f -> !f.feed().live() || (f.state() != null && f.state().terminal()));
    }

    /** The worst of what the feeds' states and the connections (runs not found, ended unseen) stand for. */
    static int status(List<FeedStatus> feeds, List<Integer> connections) {
        int status = ExitCodes.OK;
        for (FeedStatus f : feeds) {
            if (f.state() != null) {
                status = Math.max(status, ExitCodes.ofProblem(f.state()));
            }
        }
        for (int c : connections) {
            status = Math.max(status, c);
        }
        return status;
    }
}
