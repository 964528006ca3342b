package dev.runlens.ui.app;

import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * What the dashboard UI tests share: a live dashboard in TestFX's stage with its settings in the
 * test's folder, a wait for a condition read on the FX thread, and a close that leaves no
 * dashboard, simulator or stray FX exception behind for the next test.
 */
final class DashboardFixture {
    private static final String CONFIG_DIR = "runlens.config.dir";

    private DashboardFixture() {
    }

    /** A dashboard recording into {@code dir}, its settings in {@code dir/config}, shown in {@code stage}. */
    static Dashboard show(Stage stage, Path dir) {
        return show(stage, dir, new LiveConnector(null, dir, null), dashboard -> { });
    }

    /** As above, with another connector; {@code beforeAttach} sets the dashboard up before it is shown (a history, say). */
    static Dashboard show(Stage stage, Path dir, LiveConnector connector, Consumer<Dashboard> beforeAttach) {
        System.setProperty(CONFIG_DIR, dir.resolve("config").toString());
        Dashboard dashboard = new Dashboard(connector);
        beforeAttach.accept(dashboard);
        dashboard.attach(stage, 1280, 780);
        stage.show();
        return dashboard;
    }

    /**
     * Closes the dashboard, then the servers it watched ({@code null}s are skipped). Their sender
     * threads may still race the closed sockets while shutting down (an uncaught
     * RejectedExecutionException in Tyrus): that teardown noise belongs to no test.
     */
    static void close(Dashboard dashboard, AutoCloseable... watched) throws Exception {
        WaitForAsyncUtils.asyncFx(dashboard::close).get();
        for (AutoCloseable c : watched) {
            if (c != null) {
                c.close();
            }
        }
        System.clearProperty(CONFIG_DIR);
        Thread.sleep(200);
        WaitForAsyncUtils.clearExceptions();
    }

    /** Waits up to 40 s for {@code condition}, read on the FX thread, then for the FX events it queued. */
    static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(40, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The texts of the banners above the runs (demo, waiting for input, start refused...). */
    static List<String> bannerTexts(FxRobot robot) {
        List<String> texts = new ArrayList<>();
        for (Node n : robot.lookup("#demo-banner .label").queryAll()) {
            texts.add(((Labeled) n).getText());
        }
        return texts;
    }
}
