package dev.runlens;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The jpackage app image ({@code target/dist/Runlens}, built by packaging/build.xml before the
 * integration tests), run as an operator would, and compared with {@code java -jar runlens.jar}:
 * the commands through {@code bin/runlens-cli} (what the .deb links as {@code /usr/bin/runlens}),
 * the window launcher {@code bin/Runlens} for what it shares with it.
 */
class PackagedLauncherIT {
    /**
     * The budget for the unpacked app image: 120 MB, plus the launchers' AOT caches (decision 0033;
     * the command line's holds record's connection path too since decision 0072, 9.4 MB more; the
     * window's holds its live, replay and seek paths since decision 0085, 11 MB more).
     */
    private static final long MAX_APP_IMAGE_BYTES = 206L * 1000 * 1000;

    @TempDir
    Path workDir;

    record Result(int exit, String out, String err) {
    }

    private static Path launcher() {
        Path p = Path.of(System.getProperty("runlens.launcher", "target/dist/Runlens/bin/Runlens")).toAbsolutePath();
        assertTrue(Files.isExecutable(p), "no launcher at " + p + " (packaging/build.xml builds it in pre-integration-test)");
        return p;
    }

    private static Path appImage() {
        return launcher().getParent().getParent();
    }

    private static Path cliLauncher() {
        return appImage().resolve("bin/runlens-cli");
    }

    /** A command as the installed {@code runlens} runs it. */
    private Result launcher(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(cliLauncher().toString()));
        cmd.addAll(List.of(args));
        return run(cmd, "launcher");
    }

    private Result windowLauncher(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(launcher().toString()));
        cmd.addAll(List.of(args));
        return run(cmd, "window-launcher");
    }

    /** The java-options lines of a launcher's configuration (lib/app/NAME.cfg). */
    private static List<String> javaOptions(String launcherName) throws IOException {
        return Files.readAllLines(appImage().resolve("lib/app/" + launcherName + ".cfg"), StandardCharsets.UTF_8).stream()
                .filter(l -> l.startsWith("java-options="))
                .map(l -> l.substring("java-options=".length()))
                .toList();
    }

    @Test
    void bothLaunchersRunTheSameJarEachWithItsOwnOptions() throws Exception {
        assertTrue(Files.isExecutable(cliLauncher()), "no " + cliLauncher());
        List<String> window = javaOptions("Runlens");
        List<String> cli = javaOptions("runlens-cli");
        assertTrue(window.contains("-XX:+UseG1GC"), window.toString());
        assertTrue(cli.contains("-XX:+UseSerialGC"), cli.toString());
        assertFalse(window.equals(cli), "both launchers have the same options: " + window);
        Result viaWindowLauncher = windowLauncher("--version");
        assertEquals(0, viaWindowLauncher.exit(), viaWindowLauncher.err());
        assertEquals(launcher("--version").out(), viaWindowLauncher.out());
        assertEquals("", viaWindowLauncher.err());
    }

    private Result jar(String... args) throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty("runlens.jar", "target/runlens.jar")).toAbsolutePath();
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString()));
        cmd.addAll(List.of(args));
        return run(cmd, "jar");
    }

    private Result run(List<String> cmd, String tag) throws IOException, InterruptedException {
        Path out = workDir.resolve(tag + ".out");
        Path err = workDir.resolve(tag + ".err");
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        // CLI commands must not need a display, as on a build server.
        pb.environment().remove("DISPLAY");
        pb.environment().remove("WAYLAND_DISPLAY");
        Process p = pb.start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), tag + " did not finish: " + cmd);
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void versionAndHelpAreTheJarsWithNothingOnStderr() throws Exception {
        for (String arg : List.of("--version", "--help")) {
            Result packaged = launcher(arg);
            Result jar = jar(arg);
            assertEquals(0, packaged.exit(), packaged.err());
            assertEquals(jar.out(), packaged.out(), arg);
            assertEquals("", packaged.err(), arg + " wrote to stderr");
        }
        assertTrue(launcher("--version").out().startsWith("runlens "));
    }

    @Test
    void summaryJsonIsTheJarsForEachFixture() throws Exception {
        for (String name : Fixtures.NAMES) {
            Path copy = workDir.resolve(name + ".jsonl");
            Files.copy(Fixtures.log(name), copy);
            Result packaged = launcher("summary", "--json", copy.getFileName().toString());
            assertEquals(0, packaged.exit(), packaged.err());
            assertEquals(Fixtures.expectedSummary(name), packaged.out(), name);
            assertEquals(jar("summary", "--json", copy.getFileName().toString()).out(), packaged.out(), name);
        }
    }

    @Test
    void demoSessionLogReadsTheSameAsWithTheJar() throws Exception {
        Path demo = Path.of(System.getProperty("runlens.demo", "assets/demo-session.runlens.jsonl")).toAbsolutePath();
        Result packaged = launcher("summary", demo.toString());
        assertEquals(0, packaged.exit(), packaged.err());
        assertEquals(jar("summary", demo.toString()).out(), packaged.out());
        assertTrue(packaged.out().contains("FAILED"), packaged.out());
    }

    @Test
    void errorsHaveTheJarsExitCodesAndMessages() throws Exception {
        for (List<String> args : List.of(List.of("summary", "nowhere.jsonl"), List.of("no-such-command"))) {
            String[] a = args.toArray(new String[0]);
            Result packaged = launcher(a);
            Result jar = jar(a);
            assertEquals(2, packaged.exit(), args.toString());
            assertEquals(jar.exit(), packaged.exit(), args.toString());
            assertEquals(jar.err(), packaged.err(), args.toString());
        }
    }

    @Test
    void runtimeHoldsOnlyTheLinkedModules() throws Exception {
        Path runtime = appImage().resolve("lib/runtime");
        Properties release = new Properties();
        try (var in = Files.newInputStream(runtime.resolve("release"))) {
            release.load(in);
        }
        Set<String> modules = new TreeSet<>(Arrays.asList(release.getProperty("MODULES").replace("\"", "").trim().split("\\s+")));
        // No jdk.unsupported: since JavaFX 26 nothing in the jar uses sun.misc.Unsafe.
        assertTrue(modules.containsAll(List.of("java.base", "java.desktop", "java.logging", "jdk.crypto.ec")), modules.toString());
        assertFalse(modules.contains("jdk.compiler"), modules.toString());
        assertFalse(modules.contains("jdk.jshell"), modules.toString());
        assertFalse(Files.exists(runtime.resolve("jmods")));
        assertFalse(Files.exists(runtime.resolve("include")));
        assertFalse(Files.exists(runtime.resolve("man")));
    }

    /** JavaFX loads its natives from beside the jar, without unpacking and hashing them at every start (decision 0058). */
    @Test
    void javafxNativesLieBesideTheJarAsTheJarHoldsThem() throws Exception {
        Path app = appImage().resolve("lib/app");
        int natives = 0;
        try (java.util.zip.ZipFile jar = new java.util.zip.ZipFile(app.resolve("runlens.jar").toFile())) {
            for (java.util.zip.ZipEntry e : java.util.Collections.list(jar.entries())) {
                if (!e.getName().contains("/") && e.getName().endsWith(".so")) {
                    natives++;
                    Path beside = app.resolve(e.getName());
                    assertTrue(Files.isRegularFile(beside), "no " + beside);
                    try (var in = jar.getInputStream(e)) {
                        assertTrue(Arrays.equals(in.readAllBytes(), Files.readAllBytes(beside)), e.getName() + " differs from the jar's");
                    }
                }
            }
        }
        assertTrue(natives >= 5, "the jar holds JavaFX's Linux natives: " + natives);
    }

    @Test
    void appImageFitsTheSizeBudget() throws Exception {
        long bytes;
        try (Stream<Path> files = Files.walk(appImage())) {
            bytes = files.filter(Files::isRegularFile).collect(Collectors.summingLong(PackagedLauncherIT::size));
        }
        assertTrue(bytes <= MAX_APP_IMAGE_BYTES, "app image is " + bytes + " bytes");
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
