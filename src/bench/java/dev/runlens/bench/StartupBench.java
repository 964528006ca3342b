package dev.runlens.bench;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Issue 6, benchmark 5: {@code java -jar target/runlens.jar} (the demo dashboard) to its first
 * painted frame, target ≤ 1.5 s. The app writes the time since process start when its first frame
 * is painted ({@code -Drunlens.startupProbe}) and exits. A real window under Xvfb when Xvfb is
 * installed, else the headless Monocle toolkit (stated in the result line).
 */
final class StartupBench {
    private static final int RUNS = 5;

    private StartupBench() {
    }

    static void run() throws Exception {
        Path dir = Path.of("target", "bench");
        Files.createDirectories(dir);
        String jar = System.getProperty("runlens.jar", "target/runlens.jar");
        Process xvfb = null;
        Map<String, String> env = Map.of();
        String mode = "headless Monocle, software rendering";
        if (new File("/usr/bin/Xvfb").canExecute()) {
            xvfb = new ProcessBuilder("/usr/bin/Xvfb", ":97", "-screen", "0", "1600x1000x24", "-nolisten", "tcp")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            Thread.sleep(1500);
            env = Map.of("DISPLAY", ":97");
            mode = "Xvfb window, GTK 3";
        }
        try {
            // A fresh cache: the first start writes the class archive (decision 16), later ones map it.
            Path cache = dir.resolve("startup-cache");
            deleteTree(cache);
            Map<String, String> withArchive = new HashMap<>(env);
            withArchive.put("XDG_CACHE_HOME", cache.toAbsolutePath().toString());
            Map<String, String> without = new HashMap<>(withArchive);
            without.put("RUNLENS_RELAUNCH", "0");
            double first = start(dir, jar, xvfb != null, withArchive, "first start (writes the archive)");
            double[] ms = new double[RUNS];
            double[] plain = new double[RUNS];
            for (int i = 0; i < RUNS; i++) {
                ms[i] = start(dir, jar, xvfb != null, withArchive, "run " + (i + 1) + " with the archive");
                plain[i] = start(dir, jar, xvfb != null, without, "run " + (i + 1) + " without (RUNLENS_RELAUNCH=0)");
            }
            System.out.printf("RESULT startup: java -jar runlens.jar to the first painted frame, median %.0f ms, "
                    + "max %.0f ms (target 1500 ms); first start, writing the class archive: %.0f ms; baseline without the "
                    + "archive in the same run: median %.0f ms; %s%n", ChildProcess.median(ms), max(ms), first,
                    ChildProcess.median(plain), mode);
        } finally {
            if (xvfb != null) {
                xvfb.destroy();
            }
        }
    }

    private static double start(Path dir, String jar, boolean window, Map<String, String> env, String label)
            throws IOException, InterruptedException {
        Path probe = dir.resolve("startup-probe.txt");
        Files.deleteIfExists(probe);
        List<String> cmd;
        if (window) {
            cmd = List.of(ChildProcess.java(), "-Drunlens.startupProbe=" + probe.toAbsolutePath(), "-jar", jar);
        } else {
            cmd = new ArrayList<>(HeadlessJava.command("-Drunlens.startupProbe=" + probe.toAbsolutePath(), "dev.runlens.Main"));
        }
        ChildProcess.Measure m = ChildProcess.run(cmd, null, env);
        if (!Files.exists(probe)) {
            throw new IllegalStateException("no first frame reported (exit " + m.exit() + ")");
        }
        double ms = Double.parseDouble(Files.readString(probe).trim());
        System.out.printf("%s: first frame after %.0f ms (process ended after %.2f s, %d MB peak RSS)%n",
                label, ms, m.seconds(), m.peakRssMb());
        return ms;
    }

    /** Deletes {@code root} and everything under it (an archive cache folder between runs). */
    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static double max(double[] v) {
        double m = 0;
        for (double d : v) {
            m = Math.max(m, d);
        }
        return m;
    }
}
