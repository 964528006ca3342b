package dev.runlens.ui.app;

import dev.runlens.sim.LyzrRunName;
import dev.runlens.sim.Simulator;
import dev.runlens.sim.SimulatorOptions;
import dev.runlens.ui.bridge.FxThread;
import dev.runlens.ui.connect.ConnectionSettings;
import dev.runlens.connect.ProtocolChoice;
import dev.runlens.ui.connect.TokenSource;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The built-in demo: the simulator in-process on a free loopback port, watched through the normal
 * WebSocket path. New runs are picked up once a second: Space Operator runs are subscribed on the
 * open connection (or a new one, when the last one finished), each Lyzr run gets its connection.
 */
final class Demo implements AutoCloseable {
    static final String BANNER_TITLE = "Demo data";
    private final Simulator simulator;
    private final Dashboard dashboard;
    private final ScheduledExecutorService poll = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("runlens-demo").factory());
    private final Set<String> seenSo = new HashSet<>();
    private final Set<LyzrRunName> seenLyzr = new HashSet<>();
    private Connector.Live spaceOperator;

    private Demo(Simulator simulator, Dashboard dashboard) {
        this.simulator = simulator;
        this.dashboard = dashboard;
    }

    /**
     * Starts the simulator off the FX thread once the window has painted its first frame; the demo
     * appears when the simulator is up (null when it could not start: the banner says why).
     * Call on the FX thread.
     */
    static java.util.concurrent.CompletableFuture<Demo> startInBackground(Dashboard dashboard, SimulatorOptions options) {
        dashboard.showBanner(BANNER_TITLE, "Starting Runlens's built-in simulator on 127.0.0.1…");
        java.util.concurrent.CompletableFuture<Demo> ready = new java.util.concurrent.CompletableFuture<>();
        Thread starter = Thread.ofPlatform().daemon().name("runlens-demo-start").unstarted(() -> {
            Simulator sim;
            // Grizzly's start lines go to the log file: its handler must be in place first.
            AppLog.awaitInstalled();
            try {
                sim = Simulator.start(options);
            } catch (IOException | RuntimeException e) {
                ready.complete(null);
                FxThread.later(() -> unavailable(dashboard, e.getMessage()));
                return;
            }
            // Completed here, not on the FX thread, so a window closed meanwhile still closes it.
            Demo demo = new Demo(sim, dashboard);
            ready.complete(demo);
            FxThread.later(demo::begin);
        });
        // The simulator (a web server and a client) loads as many classes as the window does: it
        // starts once the window has painted its first frame, so the operator sees the window first.
        AfterFirstFrames.run(starter::start);
        return ready;
    }

    private static void unavailable(Dashboard dashboard, String why) {
        dashboard.showBanner("Demo unavailable", "The built-in simulator could not start (" + why
                + "). Connect with File → Connect to a server… (Ctrl+N).");
    }

    /** Shows the banner and starts following the simulator's runs. FX thread. */
    private void begin() {
        Simulator sim = simulator;
        dashboard.showBanner(BANNER_TITLE, "These runs come from Runlens's built-in simulator on 127.0.0.1:" + sim.port()
                + ", not from a real server. To watch real runs: File → Connect to a server… (Ctrl+N), or "
                + "runlens watch --url wss://HOST/ws --run FLOW_RUN_ID (token in $RUNLENS_TOKEN).");
        try {
            poll.scheduleWithFixedDelay(this::lookForNewRuns, 0, 1, TimeUnit.SECONDS);
        } catch (java.util.concurrent.RejectedExecutionException closedMeanwhile) {
            // The window closed while the simulator was starting: nothing to follow.
        }
    }

    /** On the demo thread: finds new runs, then hands them to the FX thread in one go. */
    private void lookForNewRuns() {
        List<String> so = simulator.liveSpaceOperatorRuns().stream().filter(seenSo::add).toList();
        List<LyzrRunName> lyzr = simulator.liveLyzrRuns().stream().filter(seenLyzr::add).toList();
        if (so.isEmpty() && lyzr.isEmpty()) {
            return;
        }
        FxThread.later(() -> watch(so, lyzr));
    }

    private void watch(List<String> so, List<LyzrRunName> lyzr) {
        if (!so.isEmpty()) {
            if (spaceOperator == null || spaceOperator.state().terminal()) {
                spaceOperator = dashboard.connect(new ConnectionSettings(simulator.spaceOperatorUrl().toString(),
                        ProtocolChoice.SPACE_OPERATOR, new TokenSource.Typed(simulator.demoToken().toCharArray()), so,
                        null, null));
            } else {
                so.forEach(spaceOperator::subscribe);
            }
        }
        for (LyzrRunName r : lyzr) {
            dashboard.connect(new ConnectionSettings(simulator.lyzrUrl(r.flow(), r.run()).toString(), ProtocolChoice.LYZR,
                    new TokenSource.None(), List.of(), null, null));
        }
    }

    @Override
    public void close() {
        poll.shutdownNow();
        simulator.close();
    }
}
