package dev.runlens.ui.app;

import dev.runlens.act.ActionFailure;
import dev.runlens.act.StartedRun;
import dev.runlens.launch.ExitCodes;
import dev.runlens.ui.act.LyzrStarter;
import dev.runlens.ui.bridge.FxThread;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Performs what {@code runlens start --watch} left to the window (decision 0055): a Lyzr workflow
 * is started by the window's own start path (socket first, then run-dag, task id to
 * reconciliation, {@code run_started} in the log); a Space Operator start already made has its
 * {@code run_started} line written into the watch connection's log. Each outcome is one sentence
 * in the window and on stderr; a refused start sets the exit status ({@code record}'s, 6 for a refusal). FX thread.
 */
final class PendingStartRun {
    static final String STARTED = "Started";
    static final String FAILED = "Start failed";

    private final Dashboard dashboard;
    private final PrintStream out;
    private final PrintStream err;
    private final Runnable settled;
    private boolean done;
    private String runId;
    private int exitStatus = ExitCodes.OK;

    /** {@code settled}: told once the start is done or refused (the watch may end then). */
    PendingStartRun(Dashboard dashboard, PrintStream out, PrintStream err, Runnable settled) {
        this.dashboard = dashboard;
        this.out = out;
        this.err = err;
        this.settled = settled;
    }

    /** The Space Operator case: the watch connection is open; its log gets the start. */
    void connected(PendingStart.Started started, Connector.Live live) {
        if (live != null) {
            live.note(StartedRun.META, started.run().metaFields());
        }
        runId = started.run().runId();
        done = true;
        settled.run();
    }

    /** The Lyzr case: the window opens the run's socket, then posts the workflow. */
    void start(PendingStart.Lyzr lyzr) {
        Thread.Builder background = Thread.ofPlatform().daemon().name("runlens-start-", 0);
        new LyzrStarter(new DashboardActionHost(dashboard::connect), r -> background.start(r), FxThread::later,
                api -> lyzr.allowInsecure(), new LyzrStarter.Outcome() {
                    @Override
                    public void status(String text) {
                        err.println("runlens start: " + text);
                    }

                    @Override
                    public void started(StartedRun run, String sentence) {
                        out.println(run.runId() + " task_id=" + run.taskId());
                        out.flush();
                        err.println("runlens start: " + sentence);
                        dashboard.showBanner(STARTED, sentence);
                        runId = run.runId();
                        done = true;
                        settled.run();
                    }

                    @Override
                    public void failed(String sentence) {
                        failed(ActionFailure.Kind.NETWORK, sentence);
                    }

                    @Override
                    public void failed(ActionFailure.Kind kind, String sentence) {
                        err.println("runlens start: " + sentence);
                        dashboard.showBanner(FAILED, sentence);
                        exitStatus = ExitCodes.ofAction(kind, false);
                        done = true;
                        settled.run();
                    }
                }).start(lyzr.request());
    }

    /** Started, or refused: nothing more will happen to the start itself. */
    boolean settled() {
        return done;
    }

    boolean refused() {
        return done && runId == null;
    }

    /** The started run, once known (a watch waits for it to end). */
    List<String> runIds() {
        return runId == null ? List.of() : List.of(runId);
    }

    /**
     * Whether {@code --exit-when-finished} may close the window: never while a start ({@code hasStart})
     * is not settled, at once when it was refused (nothing will come), else as {@code over} decides
     * for the watched runs plus the started one.
     */
    boolean watchOver(boolean hasStart, List<String> watched, Predicate<List<String>> over) {
        if (hasStart && !done) {
            return false;
        }
        if (refused()) {
            return true;
        }
        List<String> requested = new ArrayList<>(watched);
        requested.addAll(runIds());
        return over.test(requested);
    }

    int exitStatus() {
        return exitStatus;
    }

    /**
     * The window's exit status given what its connections say ({@code watchStatus}): a refused start's
     * own, since its socket was closed by the refusal, not given up on; else the worse of the two.
     */
    int exitStatus(int watchStatus) {
        return refused() ? exitStatus : Math.max(exitStatus, watchStatus);
    }
}
