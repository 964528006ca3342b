package dev.runlens;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packaged jar's batch relaunch with its class archive (decision 0017), run as a user would:
 * the first large summary writes the archive, later ones map it, a damaged archive changes
 * nothing, and every run prints exactly the expected summary with nothing on stderr. "Large"
 * is lowered to one byte so that a fixture counts.
 */
class BatchClassArchiveIT {
    private static final String FIXTURE = Fixtures.NAMES.get(0);

    @TempDir
    Path workDir;

    private record Result(int exit, String out, String err) {
    }

    private Result summary(Path cache, String... options) throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty("runlens.jar", "target/runlens.jar")).toAbsolutePath();
        Path log = workDir.resolve("session.jsonl");
        if (!Files.exists(log)) {
            Files.copy(Fixtures.log(FIXTURE), log);
        }
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Drunlens.relaunch.threshold=1"));
        cmd.addAll(List.of(options));
        cmd.addAll(List.of("-jar", jar.toString(), "summary", "--json", log.getFileName().toString()));
        Path out = workDir.resolve("out.txt");
        Path err = workDir.resolve("err.txt");
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().remove("JDK_JAVA_OPTIONS");
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        pb.environment().remove("RUNLENS_RELAUNCH");
        pb.environment().put("XDG_CACHE_HOME", cache.toString());
        Process p = pb.start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the summary did not finish");
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    private static List<Path> files(Path cache) throws IOException {
        Path dir = cache.resolve("runlens").resolve("cds");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

    private static void assertExpected(Result r) {
        assertEquals(0, r.exit(), r.err());
        assertEquals("", r.err());
        assertEquals(Fixtures.expectedSummary(FIXTURE), r.out());
    }

    @Test
    void writtenOnceThenMappedAndADamagedOneIsIgnored() throws Exception {
        Path cache = workDir.resolve("cache");
        assertExpected(summary(cache));
        List<Path> written = files(cache);
        assertEquals(1, written.size(), written.toString());
        Path archive = written.get(0);
        assertTrue(archive.getFileName().toString().matches("batch-[0-9a-f]+\\.jsa"), archive.toString());
        assertTrue(Files.size(archive) > 0);

        assertExpected(summary(cache));
        assertEquals(List.of(archive), files(cache));

        assertTrue(archive.toFile().setWritable(true));
        Files.write(archive, "not an archive".getBytes(StandardCharsets.US_ASCII));
        assertExpected(summary(cache));
    }

    @Test
    void switchedOffItIsNeitherWrittenNorUsed() throws Exception {
        Path cache = workDir.resolve("cache");
        assertExpected(summary(cache, "-Drunlens.batch.archive=false"));
        assertEquals(List.of(), files(cache));
    }
}
