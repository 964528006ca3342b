package dev.runlens.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Runs a command and measures its wall time and peak resident memory (VmHWM from /proc). */
final class ChildProcess {
    record Measure(double seconds, long peakRssMb, int exit) {
    }

    private ChildProcess() {
    }

    static Measure run(List<String> command, Path stdout) throws IOException, InterruptedException {
        return run(command, stdout, java.util.Map.of());
    }

    static Measure run(List<String> command, Path stdout, java.util.Map<String, String> env)
            throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().putAll(env);
        Process p = pb
                .redirectOutput(stdout == null ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.to(stdout.toFile()))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        Path status = Path.of("/proc", Long.toString(p.pid()), "status");
        long peakKb = 0;
        while (p.isAlive()) {
            try {
                for (String line : Files.readAllLines(status)) {
                    if (line.startsWith("VmHWM:")) {
                        peakKb = Math.max(peakKb, Long.parseLong(line.replaceAll("[^0-9]", "")));
                    }
                }
            } catch (IOException | NumberFormatException e) {
                // The process ended between the check and the read.
            }
            Thread.sleep(5);
        }
        int exit = p.waitFor();
        return new Measure((System.nanoTime() - t0) / 1e9, peakKb >> 10, exit);
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static double median(double[] values) {
        double[] v = values.clone();
        java.util.Arrays.sort(v);
        return v[v.length / 2];
    }
}
