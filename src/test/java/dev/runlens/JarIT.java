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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The packaged jar, run as a user would: {@code java -jar runlens.jar ...} from another directory. */
class JarIT {
    @TempDir
    Path workDir;

    record Result(int exit, String out, String err) {
    }

    private Result run(String... args) throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty("runlens.jar", "target/runlens.jar")).toAbsolutePath();
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.awt.headless=true", "-jar", jar.toString()));
        cmd.addAll(List.of(args));
        Path out = workDir.resolve("out.txt");
        Path err = workDir.resolve("err.txt");
        Process p = new ProcessBuilder(cmd).directory(workDir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "jar did not finish");
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void summaryJsonMatchesEachFixture() throws Exception {
        for (String name : Fixtures.NAMES) {
            Path copy = workDir.resolve(name + ".jsonl");
            Files.copy(Fixtures.log(name), copy);
            Result r = run("summary", "--json", copy.getFileName().toString());
            assertEquals(0, r.exit(), r.err());
            assertEquals(Fixtures.expectedSummary(name), r.out(), name);
        }
    }

    @Test
    void helpAndVersion() throws Exception {
        Result help = run("--help");
        assertEquals(0, help.exit());
        assertTrue(help.out().contains("summary"), help.out());
        Result version = run("--version");
        assertEquals(0, version.exit());
        assertTrue(version.out().startsWith("runlens "), version.out());
    }

    @Test
    void missingFileIsExitTwoWithAReason() throws Exception {
        Result r = run("summary", "nowhere.jsonl");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("nowhere.jsonl: no such file"), r.err());
    }
}
