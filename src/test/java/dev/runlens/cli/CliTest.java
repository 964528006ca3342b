package dev.runlens.cli;

import dev.runlens.Fixtures;
import dev.runlens.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

class CliTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void summaryJsonOfAFixtureIsExact() {
        assertEquals(0, run("summary", "--json", Fixtures.log("lyzr-docs-sample").toString()));
        assertEquals(Fixtures.expectedSummary("lyzr-docs-sample"), out());
        assertEquals("", err());
    }

    @Test
    void summaryOfAFailedRunStillExitsZero() {
        assertEquals(0, run("summary", Fixtures.log("space-operator-v2-failed-run").toString()));
        assertTrue(out().contains("FAILED"));
    }

    @Test
    void missingFileExitsTwoWithOneLine() {
        assertEquals(2, run("summary", "--json", dir.resolve("nope.jsonl").toString()));
        assertEquals("", out());
        assertEquals(1, err().lines().count(), err());
        assertTrue(err().contains("no such file"), err());
    }

    @Test
    void unrecognisedFileExitsTwoWithOneLine() throws Exception {
        Path p = dir.resolve("readme.txt");
        Files.writeString(p, "# Not a log\n");
        assertEquals(2, run("summary", p.toString()));
        assertEquals(1, err().lines().count(), err());
        assertTrue(err().contains("not an event log"), err());
    }

    @Test
    void emptyFileExitsTwo() throws Exception {
        Path p = dir.resolve("empty.jsonl");
        Files.writeString(p, "");
        assertEquals(2, run("summary", p.toString()));
        assertTrue(err().contains("is empty"), err());
    }

    @Test
    void unreadableFileExitsTwo() throws Exception {
        assumeFalse("root".equals(System.getProperty("user.name")) && Files.isReadable(Path.of("/root")),
                "root can read any file");
        Path p = dir.resolve("secret.jsonl");
        Files.copy(Fixtures.log("lyzr-docs-sample"), p);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("---------"));
        assertEquals(2, run("summary", p.toString()));
        assertTrue(err().contains("permission denied"), err());
    }

    @Test
    void usageErrorsExitTwo() {
        assertEquals(2, run("summary"));
        assertEquals(2, run("summary", "--yaml", "x"));
        assertEquals(2, run("frobnicate"));
        assertTrue(err().contains("unknown command 'frobnicate'"));
    }

    @Test
    void helpListsCommandsAndVersionPrintsIt() {
        assertEquals(0, run("--help"));
        assertTrue(out().contains("summary"), out());
        out.reset();
        assertEquals(0, run("--version"));
        assertTrue(out().matches("runlens \\d+\\.\\d+\\.\\d+.*\\n"), out());
    }

    @Test
    void everyCommandHasAGeneratedHelp() {
        for (String command : List.of("summary", "record", "export", "demo-server", "watch", "open", "dashboard",
                "start", "stop", "compare", "search")) {
            out.reset();
            assertEquals(0, run(command, "--help"), command);
            assertTrue(out().startsWith("Usage: runlens " + command), out());
        }
        out.reset();
        assertEquals(0, run("help", "record"));
        assertTrue(out().startsWith("Usage: runlens record"), out());
        assertEquals("", err());
    }

    @Test
    void badUsageIsOneSentenceAfterTheCommandsName() {
        assertUsage("runlens record: --url needs a value", "record", "--url");
        assertUsage("runlens record: --protocol is one of auto, space-operator, space-operator-v1, lyzr",
                "record", "--url", "ws://h/ws", "--protocol", "xml");
        assertUsage("runlens record: --max-message-mb is at most 2000", "record", "--max-message-mb", "3000");
        assertUsage("runlens record: --give-up-after needs a positive number, not 'soon'", "record", "--give-up-after", "soon");
        assertUsage("runlens demo-server: --port needs a number from 0 to 65535", "demo-server", "--port", "x");
        assertUsage("runlens demo-server: unexpected argument extra", "demo-server", "extra");
        assertUsage("runlens: unknown option --verbose", "--verbose");
    }

    @Test
    void aMistypedOptionsValueIsNeverEchoed() {
        assertUsage("runlens record: unknown option --tokn", "record", "--url", "ws://h/ws", "--tokn", "b3-secret-value");
        assertUsage("runlens record: unknown option --tokn", "record", "--tokn=b3-secret-value");
        assertUsage("runlens watch: unknown option --api-key", "watch", "--api-key", "b3-secret-value");
        assertUsage("runlens record: a token is never passed as an argument: put it in $RUNLENS_TOKEN, or use --token-env NAME"
                + " or --token-file FILE", "record", "--url", "ws://h/ws", "--run", "r", "--token=b3-secret-value");
    }

    private void assertUsage(String sentence, String... args) {
        out.reset();
        err.reset();
        assertEquals(2, run(args), err());
        assertEquals(sentence + System.lineSeparator(), err());
        assertEquals("", out());
        assertTrue(!err().contains("b3-secret-value"));
    }
}
