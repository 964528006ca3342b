package dev.runlens;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * packaging/linux/launcher.sh, both launchers (decisions 0070, 0071), on an image whose
 * {@code lib/runtime/bin/java} prints the arguments it gets, one a line: the JVM gets the
 * configuration's options (with {@code $APPDIR} expanded), the class path and the main class, then
 * the command line's arguments untouched, however the launcher is reached.
 */
class LauncherScriptTest {
    @TempDir
    Path tmp;

    private Path image(String name) throws Exception {
        Path image = tmp.resolve(name);
        Files.createDirectories(image.resolve("bin"));
        Files.createDirectories(image.resolve("lib/app"));
        Files.createDirectories(image.resolve("lib/runtime/bin"));
        Path launcher = image.resolve("bin/Runlens");
        Files.copy(Path.of("packaging/linux/launcher.sh"), launcher);
        Path java = image.resolve("lib/runtime/bin/java");
        Files.writeString(java, "#!/bin/sh\nfor a do printf '%s\\n' \"$a\"; done\n");
        for (Path p : List.of(launcher, java)) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        // What jpackage writes for the window's launcher (lib/app/Runlens.cfg).
        Files.writeString(image.resolve("lib/app/Runlens.cfg"), """
                [Application]
                app.classpath=$APPDIR/runlens.jar
                app.mainclass=dev.runlens.Main

                [JavaOptions]
                java-options=-Djpackage.app-version=0.1.0
                java-options=-XX:+UseG1GC
                java-options=-XX:AOTCache=$APPDIR/runlens-window.aot
                """);
        return image;
    }

    private static List<String> run(Path launcher, String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of(launcher.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "launcher did not finish");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), out);
        return out.lines().toList();
    }

    @Test
    void theJvmGetsTheConfiguredOptionsThenTheMainClassThenTheArguments() throws Exception {
        Path image = image("Runlens");
        Path appDir = image.toRealPath().resolve("lib/app");
        List<String> jvm = run(image.resolve("bin/Runlens"), "open", "a file.jsonl", "$APPDIR", "--speed", "max");
        assertEquals(List.of(
                "-Djpackage.app-version=0.1.0",
                "-XX:+UseG1GC",
                "-XX:AOTCache=" + appDir.resolve("runlens-window.aot"),
                "-Djpackage.app-path=" + image.toRealPath().resolve("bin/Runlens"),
                "-classpath", appDir.resolve("runlens.jar").toString(),
                "dev.runlens.Main",
                "open", "a file.jsonl", "$APPDIR", "--speed", "max"), jvm);
    }

    @Test
    void aSymlinkAndAFolderWithASpaceStillFindTheImage() throws Exception {
        Path image = image("opt with space");
        Path link = tmp.resolve("runlens-window");
        Files.createSymbolicLink(link, image.resolve("bin/Runlens"));
        List<String> jvm = run(link);
        Path appDir = image.toRealPath().resolve("lib/app");
        assertTrue(jvm.contains("-XX:AOTCache=" + appDir.resolve("runlens-window.aot")), jvm.toString());
        assertEquals("dev.runlens.Main", jvm.getLast(), jvm.toString());
        assertEquals(appDir.resolve("runlens.jar").toString(), jvm.get(jvm.size() - 2), jvm.toString());
    }

    @Test
    void underAnotherNameItReadsThatLaunchersConfiguration() throws Exception {
        Path image = image("Runlens");
        Path cli = image.resolve("bin/runlens-cli");
        Files.copy(image.resolve("bin/Runlens"), cli);
        Files.setPosixFilePermissions(cli, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(image.resolve("lib/app/runlens-cli.cfg"), """
                [Application]
                app.classpath=$APPDIR/runlens.jar
                app.mainclass=dev.runlens.Main

                [JavaOptions]
                java-options=-XX:+UseSerialGC
                """);
        List<String> jvm = run(cli, "summary", "run.jsonl");
        assertEquals("-XX:+UseSerialGC", jvm.getFirst(), jvm.toString());
        assertTrue(!jvm.contains("-XX:+UseG1GC"), "the window's options stay the window's: " + jvm);
        assertEquals(List.of("dev.runlens.Main", "summary", "run.jsonl"), jvm.subList(jvm.size() - 3, jvm.size()));
    }

    @Test
    void noConfigurationIsOneSentenceOnStderrAndAFailure() throws Exception {
        Path image = image("broken");
        Files.delete(image.resolve("lib/app/Runlens.cfg"));
        Process p = new ProcessBuilder(image.resolve("bin/Runlens").toString()).start();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(1, p.exitValue());
        assertTrue(err.startsWith("Runlens: cannot read ") && err.strip().endsWith("Runlens.cfg"), err);
        assertEquals("", new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }
}
