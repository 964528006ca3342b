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
 * ({@code -Drunlens.bench.runs=N} for more). The window runs where {@link BenchWindow} puts it
 * (GTK under Xvfb when Xvfb is installed), stated in the result line.
 */
final class StartupBench {
    private StartupBench() {
    }

    static void run() throws Exception {
        Path dir = Path.of("target", "bench");
        Files.createDirectories(dir);
        int runs = Integer.getInteger("runlens.bench.runs", 5);
        boolean packaged = Launchers.built(Launchers.window());
        double[] viaLauncher = new double[runs];
        double[] viaJar = new double[runs];
        for (int i = 0; i < runs; i++) {
            if (packaged) {
                viaLauncher[i] = startLauncher(dir, "run " + (i + 1) + " bin/Runlens");
            }
            viaJar[i] = startJar(dir, "run " + (i + 1) + " java -jar");
        }
        System.out.printf("RESULT startup: to the first painted frame, bin/Runlens median %s, max %s (target 1500 ms); "
                + "java -jar runlens.jar with the JVM's defaults median %.0f ms, max %.0f ms; %s; load %s%n",
                packaged ? String.format("%.0f ms", ChildProcess.median(viaLauncher)) : "(not built)",
                packaged ? String.format("%.0f ms", max(viaLauncher)) : "(not built)",
                ChildProcess.median(viaJar), max(viaJar), BenchWindow.platform(), Machine.load());
    }

    private static double startJar(Path dir, String label) throws IOException, InterruptedException {
        Path probe = dir.resolve("startup-probe.txt");
        List<String> options = List.of("-Drunlens.startupProbe=" + probe.toAbsolutePath(), origin());
        return start(probe, BenchWindow.jarCommand(options), BenchWindow.environment(Map.of()), label);
    }

    /** The launcher takes no JVM options on its command line: the probe goes in JAVA_TOOL_OPTIONS. */
    private static double startLauncher(Path dir, String label) throws IOException, InterruptedException {
        Path probe = dir.resolve("startup-probe.txt");
        List<String> options = List.of("-Drunlens.startupProbe=" + probe.toAbsolutePath(), origin());
        return start(probe, BenchWindow.launcherCommand(), BenchWindow.launcherEnvironment(Map.of(), options), label);
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
