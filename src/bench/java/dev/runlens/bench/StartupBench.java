package dev.runlens.bench;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
            double[] ms = new double[RUNS];
            for (int i = 0; i < RUNS; i++) {
                Path probe = dir.resolve("startup-" + i + ".txt");
                Files.deleteIfExists(probe);
                List<String> cmd;
                if (xvfb != null) {
                    cmd = List.of(ChildProcess.java(), "-Drunlens.startupProbe=" + probe, "-jar", jar);
                } else {
                    cmd = new ArrayList<>(HeadlessJava.command("-Drunlens.startupProbe=" + probe, "dev.runlens.Main"));
                }
                ChildProcess.Measure m = ChildProcess.run(cmd, null, env);
                if (!Files.exists(probe)) {
                    throw new IllegalStateException("no first frame reported (exit " + m.exit() + ")");
                }
                ms[i] = Double.parseDouble(Files.readString(probe).trim());
                System.out.printf("run %d: first frame after %.0f ms (process ended after %.2f s, %d MB peak RSS)%n",
                        i + 1, ms[i], m.seconds(), m.peakRssMb());
            }
            System.out.printf("RESULT startup: java -jar runlens.jar to the first painted frame, median %.0f ms, "
                    + "max %.0f ms (target 1500 ms); %s%n", ChildProcess.median(ms), max(ms), mode);
        } finally {
            if (xvfb != null) {
                xvfb.destroy();
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
