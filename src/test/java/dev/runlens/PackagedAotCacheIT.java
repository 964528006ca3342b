package dev.runlens;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The launchers' AOT caches (packaging/build.xml, decision 0033) are trained in
 * {@code target/dist/Runlens} and must still be mapped where the image is installed or unpacked:
 * here a copy of the image in another folder, its files keeping their modification times as tar
 * and the .deb's postinst keep the jar's. And the rule that makes postinst necessary: a jar with
 * another modification time makes the JVM refuse the cache.
 */
class PackagedAotCacheIT {
    @TempDir
    static Path elsewhere;

    private static Path image;

    @BeforeAll
    static void copyTheImageElsewhere() throws IOException {
        Path built = Path.of(System.getProperty("runlens.launcher", "target/dist/Runlens/bin/Runlens"))
                .toAbsolutePath().getParent().getParent();
        assertTrue(Files.isDirectory(built), "no app image at " + built);
        image = elsewhere.resolve("Runlens");
        try (Stream<Path> files = Files.walk(built)) {
            for (Path from : files.toList()) {
                Path to = image.resolve(built.relativize(from).toString());
                if (Files.isDirectory(from)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    /** What {@code --version} through a launcher prints (stdout and stderr) with the JVM's AOT and class path logging. */
    private static String aotLog(String launcher) throws IOException, InterruptedException {
        Path out = elsewhere.resolve(launcher + ".out");
        Path log = elsewhere.resolve(launcher + ".log");
        Files.deleteIfExists(log);
        ProcessBuilder pb = new ProcessBuilder(image.resolve("bin").resolve(launcher).toString(), "--version")
                .redirectError(elsewhere.resolve(launcher + ".err").toFile()).redirectOutput(out.toFile());
        // To a file: the launchers send the JVM's own stdout logging to stderr, warnings only.
        pb.environment().put("JAVA_TOOL_OPTIONS", "-Xlog:aot=info,class+path=info:file=" + log);
        pb.environment().remove("DISPLAY");
        Process p = pb.start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), launcher + " did not finish");
        assertEquals(0, p.exitValue());
        String stdout = Files.readString(out, StandardCharsets.UTF_8);
        // Whatever the cache's fate, stdout holds only what Runlens printed (summary --json stays JSON).
        assertTrue(stdout.startsWith("runlens "), stdout);
        assertFalse(stdout.contains("[error]") || stdout.contains("[warning]"), stdout);
        return Files.readString(log, StandardCharsets.UTF_8) + stdout;
    }

    @Test
    void eachLauncherMapsItsOwnCacheFromTheMovedImage() throws Exception {
        for (String launcher : List.of("Runlens", "runlens-cli")) {
            String cache = launcher.equals("Runlens") ? "runlens-window.aot" : "runlens-cli.aot";
            String log = aotLog(launcher);
            assertTrue(log.contains("Opened AOT cache " + image.resolve("lib/app/" + cache) + "."), log);
            assertFalse(log.contains("[error"), log);
            assertFalse(log.contains("not the one used while building"), log);
            assertTrue(log.contains("runlens "), log);
        }
    }

    @Test
    void aJarWithAnotherModificationTimeMakesTheJvmRefuseTheCache() throws Exception {
        Path jar = image.resolve("lib/app/runlens.jar");
        FileTime trained = Files.getLastModifiedTime(jar);
        try {
            Files.setLastModifiedTime(jar, FileTime.from(Instant.parse("2024-01-01T00:00:00Z")));
            String log = aotLog("runlens-cli");
            assertTrue(log.contains("timestamp has changed"), log);
            assertTrue(log.contains("Unable to map shared spaces"), log);
        } finally {
            Files.setLastModifiedTime(jar, trained);
        }
    }
}
