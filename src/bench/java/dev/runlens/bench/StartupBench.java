package dev.runlens.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Issue 6, benchmark 5: the demo dashboard to its first painted frame, target ≤ 1.5 s, started as
 * users start it: the packaged window launcher ({@code bin/Runlens}, with its JVM options and
 * start-up cache, decision 0024) when the app image is built, and {@code java -jar} with the
 * JVM's defaults. The app writes the time since process start when its first frame is painted
 * ({@code -Drunlens.startupProbe}) and exits. Five starts each way, alternating
 * ({@code -Drunlens.bench.runs=N} for more). A real window under Xvfb when Xvfb is installed,
 * else JavaFX's headless platform (stated in the result line).
 */
final class StartupBench {
    private StartupBench() {
    }

    static void run() throws Exception {
        Path dir = Path.of("target", "bench");
        Files.createDirectories(dir);
        int runs = Integer.getInteger("runlens.bench.runs", 5);
        boolean packaged = Launchers.built(Launchers.window());
        Process xvfb = null;
        Map<String, String> env = Map.of();
        String mode = "JavaFX headless platform, software rendering";
        if (Files.isExecutable(Path.of("/usr/bin/Xvfb"))) {
            xvfb = new ProcessBuilder("/usr/bin/Xvfb", ":97", "-screen", "0", "1600x1000x24", "-nolisten", "tcp")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            Thread.sleep(1500);
            env = Map.of("DISPLAY", ":97");
            mode = "Xvfb window, GTK 3";
        }
        try {
            double[] viaLauncher = new double[runs];
            double[] viaJar = new double[runs];
            for (int i = 0; i < runs; i++) {
                if (packaged) {
                    viaLauncher[i] = startLauncher(dir, xvfb != null, env, "run " + (i + 1) + " bin/Runlens");
                }
                viaJar[i] = startJar(dir, xvfb != null, env, "run " + (i + 1) + " java -jar");
            }
            System.out.printf("RESULT startup: to the first painted frame, bin/Runlens median %s, max %s (target 1500 ms); "
                    + "java -jar runlens.jar with the JVM's defaults median %.0f ms, max %.0f ms; %s; load %s%n",
                    packaged ? String.format("%.0f ms", ChildProcess.median(viaLauncher)) : "(not built)",
                    packaged ? String.format("%.0f ms", max(viaLauncher)) : "(not built)",
                    ChildProcess.median(viaJar), max(viaJar), mode, Machine.load());
        } finally {
            if (xvfb != null) {
                xvfb.destroy();
            }
        }
    }

    private static double startJar(Path dir, boolean window, Map<String, String> env, String label)
            throws IOException, InterruptedException {
        Path probe = dir.resolve("startup-probe.txt");
        String option = "-Drunlens.startupProbe=" + probe.toAbsolutePath();
        String origin = origin();
        List<String> cmd = window
                ? List.of(ChildProcess.java(), option, origin, "-jar", System.getProperty("runlens.jar", "target/runlens.jar"))
                : HeadlessJava.jarCommand(List.of(option, origin));
        return start(probe, cmd, env, label);
    }

    /** The launcher takes no JVM options on its command line: the probe (and headless mode) go in JAVA_TOOL_OPTIONS. */
    private static double startLauncher(Path dir, boolean window, Map<String, String> env, String label)
            throws IOException, InterruptedException {
        Path probe = dir.resolve("startup-probe.txt");
        List<String> option = List.of("-Drunlens.startupProbe=" + probe.toAbsolutePath(), origin());
        Map<String, String> withOptions = window
                ? Launchers.withToolOptions(env, option)
                : HeadlessJava.launcherEnvironment(env, option);
        return start(probe, HeadlessJava.launcherCommand(), withOptions, label);
    }

    private static double start(Path probe, List<String> cmd, Map<String, String> env, String label)
            throws IOException, InterruptedException {
        Files.deleteIfExists(probe);
        // No polling of the child's memory and CPU here (ChildProcess.run reads /proc every 5 ms and
        // walks every process for children): on 2 cores that polling competed with the start it timed.
        long t0 = System.nanoTime();
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        pb.environment().putAll(env);
        Process p = pb.start();
        int exit = p.waitFor();
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (!Files.exists(probe)) {
            throw new IllegalStateException(label + ": no first frame reported (exit " + exit + ")");
        }
        // The first line is the first frame; the others the phases of the start (StartupProbe.mark):
        // name, milliseconds since the start, CPU milliseconds of the thread that reached it.
        List<String> lines = Files.readAllLines(probe);
        double ms = Double.parseDouble(lines.get(0).trim());
        System.out.printf("%s: first frame after %.0f ms (process ended after %.2f s; phases, ms [thread CPU ms]: %s)%n",
                label, ms, seconds, String.join(", ", lines.subList(1, lines.size()).stream().map(StartupBench::phase).toList()));
        return ms;
    }

    /** {@code built 1060 412} as {@code built 1060 [412]}: the phase's time, then its thread's CPU time. */
    static String phase(String line) {
        String[] f = line.trim().split(" ");
        return f.length == 3 ? f[0] + " " + f[1] + " [" + f[2] + "]" : line.trim();
    }

    /**
     * The probe counts from now, the moment the process is started, rather than from the JDK's
     * process start instant, which is off by the boot time's fraction of a second (0 to 1 s).
     */
    private static String origin() {
        return "-Drunlens.startupProbe.origin=" + System.currentTimeMillis();
    }

    private static double max(double[] v) {
        double m = 0;
        for (double d : v) {
            m = Math.max(m, d);
        }
        return m;
    }
}
