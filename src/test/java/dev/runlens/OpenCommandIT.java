package dev.runlens;

import com.fasterxml.jackson.databind.JsonNode;
import dev.runlens.json.Json;
import dev.runlens.replay.LogGenerator;
import dev.runlens.summary.SummaryBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code runlens open FILE --speed max --exit-when-finished --stats-out S} from the packaged jar,
 * with a real window on JavaFX's headless platform: it replays the whole file, closes by itself,
 * and the stats say every run event of the file reached the model.
 */
class OpenCommandIT {
    @TempDir
    Path workDir;

    private Process open(Path log, Path err) throws Exception {
        Path jar = Path.of(System.getProperty("runlens.jar", "target/runlens.jar")).toAbsolutePath();
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.awt.headless=true", "-Dglass.platform=Headless", "-Dprism.order=sw",
                "-Drunlens.config.dir=" + workDir.resolve("config"),
                "-cp", jar.toString(), "dev.runlens.Main",
                "open", log.toString(), "--speed", "max", "--exit-when-finished"));
        return new ProcessBuilder(cmd).directory(workDir.toFile())
                .redirectOutput(workDir.resolve("out.txt").toFile()).redirectError(err.toFile()).start();
    }

    @Test
    void aTruncatedFileOpensWhatItCanThenExitsWithStatus2AndSaysWhy() throws Exception {
        Path log = workDir.resolve("cut.jsonl");
        LogGenerator.write(log, 3000, 3);
        java.io.ByteArrayOutputStream gz = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream out = new java.util.zip.GZIPOutputStream(gz)) {
            out.write(Files.readAllBytes(log));
        }
        byte[] whole = gz.toByteArray();
        Path cut = Files.write(workDir.resolve("cut.jsonl.gz"), java.util.Arrays.copyOf(whole, whole.length / 2));
        Path err = workDir.resolve("err.txt");
        Process p = open(cut, err);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the window did not close by itself");
        String text = Files.readString(err, StandardCharsets.UTF_8);
        assertEquals(2, p.exitValue(), text);
        List<String> ours = text.lines().filter(l -> l.startsWith("runlens open: ")).toList();
        assertEquals(1, ours.size(), text);
        assertTrue(ours.get(0).startsWith("runlens open: cut.jsonl.gz is truncated (the compressed file ends abruptly"), ours.get(0));
    }

    @Test
    void replaysAWholeFileAndWritesStats() throws Exception {
        Path log = workDir.resolve("several-runs.jsonl");
        LogGenerator.write(log, 3000, 3);
        SummaryBuilder expected = new SummaryBuilder();
        expected.add(log);
        Path stats = workDir.resolve("stats.json");
        Path jar = Path.of(System.getProperty("runlens.jar", "target/runlens.jar")).toAbsolutePath();
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.awt.headless=true", "-Dglass.platform=Headless", "-Dprism.order=sw",
                "-Drunlens.config.dir=" + workDir.resolve("config"),
                "-cp", jar.toString(), "dev.runlens.Main",
                "open", log.toString(), "--speed", "max", "--exit-when-finished", "--stats-out", stats.toString()));
        Path err = workDir.resolve("err.txt");
        Process p = new ProcessBuilder(cmd).directory(workDir.toFile())
                .redirectOutput(workDir.resolve("out.txt").toFile()).redirectError(err.toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the window did not close by itself");
        assertEquals(0, p.exitValue(), Files.readString(err, StandardCharsets.UTF_8));
        JsonNode s = Json.parse(Files.readString(stats, StandardCharsets.UTF_8));
        assertEquals(expected.stats().runEvents(), s.get("events_applied").asLong(), "every run event of the file");
        assertEquals(expected.model().runs().size(), s.get("runs").size(), "every run of the file");
        assertTrue(expected.model().runs().size() > 1);
        for (int i = 0; i < s.get("runs").size(); i++) {
            JsonNode r = s.get("runs").get(i);
            assertEquals(expected.model().runs().get(i).ref().runId(), r.get("run_id").asText());
            assertEquals(expected.model().runs().get(i).status().id(), r.get("status").asText());
            assertEquals(expected.model().runs().get(i).events(), r.get("events").asInt());
        }
        assertTrue(s.get("fx").get("pulses").asLong() > 0);
    }
}
