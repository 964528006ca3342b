package dev.runlens.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** One line about the machine a figure was measured on. */
final class Machine {
    /** Keeps the speed probe's result, so the JIT cannot drop its loop. */
    private static volatile long sink = 1;

    private Machine() {
    }

    static String describe() {
        String cpu = "unknown CPU";
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    cpu = line.substring(line.indexOf(':') + 1).trim();
                    break;
                }
            }
        } catch (IOException e) {
            cpu = System.getProperty("os.arch");
        }
        return Runtime.getRuntime().availableProcessors() + " cores, " + cpu + ", "
                + (Runtime.getRuntime().maxMemory() >> 20) + " MB max heap here, Java " + System.getProperty("java.version") + ", load " + load();
    }

    /**
     * The load averages over 1, 5 and 15 minutes, as {@code uptime} prints them, and the speed
     * probe's time ({@link #probeMillis}): on a shared host the same image ran 1.4 times as long
     * from one minute to the next (docs/performance.md, session 16), and the load does not show it.
     */
    static String load() {
        String probe = String.format("probe %.0f ms", probeMillis());
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2] + ", " + probe;
        } catch (IOException e) {
            return "?, " + probe;
        }
    }

    /**
     * How long a fixed single-threaded loop takes now, best of three, in milliseconds: the host's
     * speed at this moment, to read beside a figure taken at the same time.
     */
    static double probeMillis() {
        double best = Double.MAX_VALUE;
        for (int r = 0; r < 3; r++) {
            long start = System.nanoTime();
            sink = spin(50_000_000, sink);
            best = Math.min(best, (System.nanoTime() - start) / 1e6);
        }
        return best;
    }

    /** A xorshift sequence: each step needs the one before, so the time is the core's, not the memory's. */
    private static long spin(int steps, long seed) {
        long x = seed | 1;
        for (int i = 0; i < steps; i++) {
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
        }
        return x;
    }
}
