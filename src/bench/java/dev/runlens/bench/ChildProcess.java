package dev.runlens.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a command and measures its wall time, peak resident memory (VmHWM from /proc, over the
 * process and its children) and CPU time (user + system from /proc, last seen before it ended, at
 * most 10 ms short; on a shared machine CPU seconds compare where wall times measure the neighbours).
 * The polling is kept light because it shares the two cores with what it times: the process itself
 * every 10 ms, its children (a walk of every process on the machine) every 200 ms.
 */
final class ChildProcess {
    record Measure(double seconds, long peakRssMb, int exit, double cpuSeconds) {
    }

    private ChildProcess() {
    }

    static Measure run(List<String> command, Path stdout) throws IOException, InterruptedException {
        return run(command, stdout, Map.of());
    }

    static Measure run(List<String> command, Path stdout, Map<String, String> env)
            throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().putAll(env);
        Process p = pb
                .redirectOutput(stdout == null ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.to(stdout.toFile()))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        // A launcher may start child processes: each process's peak, added up.
        Map<Long, Long> peakKb = new HashMap<>();
        Map<Long, Long> cpuTicks = new HashMap<>();
        for (int poll = 0; p.isAlive(); poll++) {
            sample(p.toHandle(), peakKb, cpuTicks);
            if (poll % 20 == 0) {
                p.toHandle().descendants().forEach(c -> sample(c, peakKb, cpuTicks));
            }
            Thread.sleep(10);
        }
        int exit = p.waitFor();
        long totalKb = peakKb.values().stream().mapToLong(Long::longValue).sum();
        double cpu = cpuTicks.values().stream().mapToLong(Long::longValue).sum() / 100.0;
        return new Measure((System.nanoTime() - t0) / 1e9, totalKb >> 10, exit, cpu);
    }

    private static void sample(ProcessHandle process, Map<Long, Long> peakKb, Map<Long, Long> cpuTicks) {
        try {
            // Fields 14 and 15 of /proc/PID/stat, after the command name in parentheses: user and system time in clock ticks (100 a second).
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            cpuTicks.put(process.pid(), Long.parseLong(f[11]) + Long.parseLong(f[12]));
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    peakKb.merge(process.pid(), Long.parseLong(line.replaceAll("[^0-9]", "")), Math::max);
                }
            }
        } catch (IOException | NumberFormatException e) {
            // The process ended between the check and the read.
        }
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
