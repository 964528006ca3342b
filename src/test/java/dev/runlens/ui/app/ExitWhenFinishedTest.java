package dev.runlens.ui.app;

import dev.runlens.connect.ConnectionState;
import dev.runlens.launch.ExitCodes;
import dev.runlens.ui.TestData;
import dev.runlens.ui.dashboard.DashboardModel;
import dev.runlens.ui.dashboard.Feed;
import dev.runlens.ui.dashboard.FeedStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code watch --exit-when-finished}: when the window may close, and the status it exits with. */
class ExitWhenFinishedTest {
    private static final String A = "aaaaaaaa-0000-4000-8000-000000000001";
    private static final String B = "bbbbbbbb-0000-4000-8000-000000000002";

    @TempDir
    Path dir;

    private final Feed live = new Feed(1, "ws", true);
    private final List<FeedStatus> connected = List.of(new FeedStatus(live, ConnectionState.LIVE, "Live.", null));

    @Test
    void aRequestedRunThatHasNotStartedKeepsTheWindowOpen() {
        DashboardModel model = TestData.load(TestData.write(dir, "a.jsonl", TestData.v2Run(A, 2, true)));
        assertTrue(model.allRunsFinished(), "the run that did arrive ended");
        assertFalse(ExitWhenFinished.over(model, List.of(A, B), connected), "run B has not sent its first event");
        assertTrue(ExitWhenFinished.over(model, List.of(A), connected));
        assertTrue(ExitWhenFinished.over(model, List.of(), connected), "a Lyzr watch names no run ids");
    }

    @Test
    void aConnectionThatStoppedForGoodEndsTheWatchEvenWithoutItsRuns() {
        DashboardModel model = TestData.load(TestData.write(dir, "a.jsonl", TestData.v2Run(A, 2, false)));
        assertFalse(ExitWhenFinished.over(model, List.of(A, B), connected));
        assertTrue(ExitWhenFinished.over(model, List.of(A, B), List.of(new FeedStatus(live, ConnectionState.NOT_FOUND, "Not found.", null))));
    }

    @Test
    void theStatusIsRecordsOne() {
        List<FeedStatus> finished = List.of(new FeedStatus(live, ConnectionState.FINISHED, "Done.", null));
        assertEquals(ExitCodes.OK, ExitWhenFinished.status(finished, List.of(ExitCodes.OK)));
        assertEquals(ExitCodes.NOT_FOUND, ExitWhenFinished.status(finished, List.of(ExitCodes.NOT_FOUND)),
                "a run not found beside runs that finished: 4, as record");
        assertEquals(ExitCodes.TOKEN_REFUSED, ExitWhenFinished.status(List.of(new FeedStatus(live, ConnectionState.TOKEN_REFUSED,
                "Refused.", null)), List.of()));
        assertEquals(ExitCodes.GAVE_UP, ExitWhenFinished.status(List.of(new FeedStatus(live, ConnectionState.FAILED, "Gave up.", null)),
                List.of(ExitCodes.OK)));
    }
}
