package dev.runlens.ui.app;

import dev.runlens.sim.Simulator;
import dev.runlens.sim.SimulatorOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.logging.ConsoleHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The window's log file: where it is, who may read it, how it rolls, and that library logging goes there. */
class AppLogTest {
    @TempDir
    Path dir;
    private final Logger root = LogManager.getLogManager().getLogger("");
    private Handler[] before;
    private Level levelBefore;
    private PrintStream errBefore;

    @BeforeEach
    void remember() {
        before = root.getHandlers();
        levelBefore = root.getLevel();
        errBefore = System.err;
    }

    @AfterEach
    void restore() {
        System.setErr(errBefore);
        for (Handler h : root.getHandlers()) {
            root.removeHandler(h);
            h.close();
        }
        for (Handler h : before) {
            root.addHandler(h);
        }
        root.setLevel(levelBefore);
    }

    @Test
    void theFolderIsXdgStateHomeOrTheDefaultUnderHome() {
        assertEquals(Path.of("/var/state/runlens"), AppLog.folder(Map.of("XDG_STATE_HOME", "/var/state"), "/home/op"));
        assertEquals(Path.of("/home/op/.local/state/runlens"), AppLog.folder(Map.of(), "/home/op"));
        // The XDG spec: a relative path is invalid and is ignored.
        assertEquals(Path.of("/home/op/.local/state/runlens"), AppLog.folder(Map.of("XDG_STATE_HOME", "state"), "/home/op"));
        assertEquals(Path.of("/home/op/.local/state/runlens"), AppLog.folder(Map.of("XDG_STATE_HOME", ""), "/home/op"));
    }

    @Test
    void theFolderAndTheFileAreTheOperatorsAlone() throws Exception {
        Path file = AppLog.install(dir.resolve("state/runlens"));
        assertEquals(dir.resolve("state/runlens/runlens.log"), file);
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void grizzlysStartLinesGoToTheFileNotToStderr() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        // What java.util.logging starts with: a console handler on stderr.
        root.addHandler(new ConsoleHandler());
        root.setLevel(Level.INFO);
        Path file = AppLog.install(dir);

        try (Simulator sim = Simulator.start(SimulatorOptions.demo())) {
            assertTrue(sim.port() > 0);
        }
        String log = Files.readString(file);
        assertTrue(log.contains("org.glassfish.grizzly") && log.contains("INFO"), "Grizzly's INFO lines are in the file:\n" + log);
        assertEquals("", err.toString(StandardCharsets.UTF_8), "nothing on stderr");
    }

    @Test
    void theFileRollsOverAtItsLimitKeepingAFewGenerationsAllPrivate() throws Exception {
        Path file = dir.resolve("runlens.log");
        RollingLogFile handler = new RollingLogFile(file, 1000, 3);
        handler.setFormatter(new AppLog.LineFormat());
        for (int i = 0; i < 40; i++) {
            handler.publish(new LogRecord(Level.INFO, "record " + i + " " + "x".repeat(80)));
        }
        handler.close();
        assertTrue(Files.size(file) <= 1000, "the current file stays under its limit");
        assertTrue(Files.exists(dir.resolve("runlens.log.1")) && Files.exists(dir.resolve("runlens.log.2")));
        assertFalse(Files.exists(dir.resolve("runlens.log.3")), "no more than three generations");
        assertTrue(Files.readString(file).contains("record 39"), "the newest record is in runlens.log");
        for (String name : new String[] {"runlens.log", "runlens.log.1", "runlens.log.2"}) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(name))), name);
        }
    }
}
