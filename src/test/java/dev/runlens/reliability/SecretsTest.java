package dev.runlens.reliability;

import dev.runlens.Fixtures;
import dev.runlens.sim.LyzrApiCalls;
import dev.runlens.sim.LyzrScenario;
import dev.runlens.sim.Simulator;
import dev.runlens.sim.SimulatorOptions;
import dev.runlens.sim.SoScenario;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Secrets: every command runs with a recognisable token (and a password in the URL); nothing it
 * prints or writes may contain either, whether it succeeds, fails or is refused.
 */
class SecretsTest {
    private static final String MARK = "RECOGNISABLE7Q";
    private static Simulator sim;
    private static String runId;

    @TempDir
    static Path dir;

    private final List<String> streams = new ArrayList<>();

    @BeforeAll
    static void startSimulator() throws Exception {
        sim = Simulator.start(SimulatorOptions.fastBuilder().apiKey("b3-" + MARK + "-right").build());
        runId = sim.startRun(SoScenario.FAILING);
    }

    @AfterAll
    static void stopSimulator() {
        sim.close();
    }

    private int run(Map<String, String> env, String... args) throws Exception {
        return run(List.of(), env, args);
    }

    /** The window's commands, headless (JavaFX's headless platform, software rendering). */
    private int runWindow(Map<String, String> env, String... args) throws Exception {
        return run(List.of("-Dglass.platform=Headless", "-Dprism.order=sw",
                "-Djava.awt.headless=true"), env, args);
    }

    private int run(List<String> jvm, Map<String, String> env, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path")));
        cmd.addAll(jvm);
        cmd.add("dev.runlens.Main");
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        pb.environment().put("XDG_DATA_HOME", dir.resolve("xdg").toString());
        // Recent files and connections land here too, and are searched like every other file.
        pb.environment().put("XDG_CONFIG_HOME", dir.resolve("xdg-config").toString());
        pb.environment().putAll(env);
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "command did not finish: " + String.join(" ", args));
        streams.add(Files.readString(out) + Files.readString(err));
        return p.exitValue();
    }

    private static List<Path> everyFileWritten() throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).toList();
        }
    }

    @Test
    void noCommandPrintsOrWritesTheToken() throws Exception {
        String right = "b3-" + MARK + "-right";
        String wrong = "b3-" + MARK + "-wrong";
        Path tokenFile = dir.resolve("token.txt");
        Files.writeString(tokenFile, right + "\n");
        String url = sim.spaceOperatorUrl().toString();
        String urlWithPassword = url.replace("ws://", "ws://operator:" + MARK + "pw@");

        assertEquals(0, run(Map.of("RUNLENS_TOKEN", right), "record", "--url", url, "--run", runId, "--out", "a.jsonl"));
        assertEquals(0, run(Map.of(), "record", "--url", urlWithPassword, "--token-file", tokenFile.toString(),
                "--run", runId, "--out", "b.jsonl"));
        assertEquals(0, run(Map.of("MY_TOKEN", right), "record", "--url", url, "--token-env", "MY_TOKEN", "--run", runId));
        assertEquals(3, run(Map.of("RUNLENS_TOKEN", wrong), "record", "--url", url, "--run", runId, "--out", "c.jsonl"));
        assertEquals(2, run(Map.of(), "record", "--url", url, "--token", right, "--run", runId, "--out", "d.jsonl"));
        // The window's commands: watch records and writes stats; open replays a recording.
        assertEquals(0, runWindow(Map.of("RUNLENS_TOKEN", right), "watch", "--url", url, "--run", runId, "--exit-when-finished",
                "--out", "w.jsonl", "--stats-out", "w-stats.json"));
        assertEquals(3, runWindow(Map.of("RUNLENS_TOKEN", wrong), "watch", "--url", url, "--run", runId, "--exit-when-finished",
                "--stats-out", "w-refused.json"));
        assertEquals(0, runWindow(Map.of(), "open", "a.jsonl", "--speed", "max", "--exit-when-finished", "--stats-out", "o-stats.json"));
        assertEquals(0, run(Map.of(), "summary", "a.jsonl", "b.jsonl", "c.jsonl"));
        assertEquals(0, run(Map.of(), "summary", "--json", "a.jsonl"));
        assertEquals(0, run(Map.of(), "export", "--out", "e.jsonl", "a.jsonl"));
        assertEquals(0, run(Map.of(), "export", "--redact", "--out", "f.jsonl", "a.jsonl", Fixtures.log("lyzr-docs-sample").toString()));
        assertEquals(0, run(Map.of(), "export", "--format", "csv", "--out", "g.csv", "a.jsonl"));
        assertEquals(0, run(Map.of(), "export", "--format", "summary", "--out", "h.json", "b.jsonl"));
        // Lyzr: the run ended before the socket connected, so the idle timeout asks task-status with the API key.
        String lyzrRun = "run-secrets";
        String taskId = LyzrApiCalls.startRun(sim, LyzrScenario.SUPPORT_PIPELINE, "Customer Support Pipeline", lyzrRun);
        String lyzrUrl = sim.lyzrUrl("Customer Support Pipeline", lyzrRun).toString();
        Path wrongKeyFile = dir.resolve("lyzr-key.txt");
        Files.writeString(wrongKeyFile, wrong + "\n");
        assertEquals(0, run(Map.of("LYZR_API_KEY", right), "record", "--url", lyzrUrl, "--lyzr-task-id", taskId,
                "--idle-timeout", "1", "--out", "l.jsonl"));
        assertEquals(5, run(Map.of(), "record", "--url", lyzrUrl, "--lyzr-task-id", taskId, "--lyzr-api-key-file",
                wrongKeyFile.toString(), "--idle-timeout", "1", "--out", "m.jsonl"));
        assertTrue(streams.get(streams.size() - 1).contains("refused the API key"), streams.get(streams.size() - 1));
        assertEquals(2, run(Map.of(), "record", "--url", lyzrUrl, "--lyzr-task-id", taskId, "--lyzr-api-key", right));
        assertEquals(0, run(Map.of(), "summary", "--json", "l.jsonl", "m.jsonl"));
        assertTrue(streams.get(streams.size() - 1).contains("\"reconciled\""), streams.get(streams.size() - 1));

        for (String s : streams) {
            assertFalse(s.contains(MARK), "a command printed the secret: " + s);
        }
        List<Path> files = everyFileWritten();
        assertTrue(files.stream().anyMatch(p -> p.toString().contains("xdg")), "no recording in the default folder");
        int checked = 0;
        for (Path f : files) {
            if (f.equals(tokenFile) || f.equals(wrongKeyFile)) {
                continue;
            }
            String content = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
            assertFalse(content.contains(MARK), "the secret is in " + dir.relativize(f));
            checked++;
        }
        for (String f : List.of("w.jsonl", "w-stats.json", "w-refused.json", "o-stats.json")) {
            assertTrue(Files.exists(dir.resolve(f)), "the window's command did not write " + f);
        }
        assertTrue(checked >= 13, "expected every written file to be checked, checked " + checked);
        String redacted = Files.readString(dir.resolve("f.jsonl"));
        assertFalse(redacted.contains("sk-prod-sentiment-key") || redacted.contains("sf_prod_token_xyz"),
                "export --redact kept a secret from the Lyzr inputs");
    }
}
