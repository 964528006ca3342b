package dev.runlens.bench;


import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Issue 15 ("Performance stays"): seeks in a generated 1,000,000-event log in the window
 * ({@link BenchWindow}), through the packaged launcher {@code bin/Runlens} and through {@code java -jar},
 * alternating, {@code runlens.bench.rounds} rounds (default 1). The window's seek probe
 * ({@code -Drunlens.seekProbe}) waits until the log is indexed, pauses it and makes
 * {@code runlens.bench.seeks} seeks (default 20) spread over the log in a shuffled order, each
 * timed from the request to the painted frame. Target: every seek ≤ 200 ms. Also printed: the
 * worker's and the FX thread's CPU time per seek (steadier than wall time on a shared machine).
 */
final class SeekBench {
    private SeekBench() {
    }

    static void run() throws Exception {
        int events = Integer.getInteger("runlens.bench.events", 1_000_000);
        int rounds = Integer.getInteger("runlens.bench.rounds", 1);
        int seeks = Integer.getInteger("runlens.bench.seeks", 20);
        Path log = GeneratedLog.of(events);
        boolean packaged = Launchers.built(Launchers.window());
        System.out.printf("log: %s, %,d events, %,d bytes; %d seeks; bin/Runlens %s%n", log, events, Files.size(log), seeks,
                packaged ? Launchers.window() : "not built");
        for (int r = 1; r <= rounds; r++) {
            for (boolean launcher : Launchers.windowWays()) {
                seek(launcher ? "bin/Runlens" : "java -jar", r, log, seeks, launcher);
            }
        }
    }

    private static void seek(String label, int round, Path log, int seeks, boolean launcher) throws Exception {
        Path probe = Path.of("target", "bench", "seek-" + (launcher ? "launcher" : "jar") + ".csv").toAbsolutePath();
        Files.deleteIfExists(probe);
        List<String> options = new ArrayList<>(List.of("-Drunlens.seekProbe=" + probe, "-Drunlens.seekProbe.seeks=" + seeks));
        options.addAll(Isolated.historyOptions());
        // Played in real time while it is indexed (the probe pauses it): the seeks are what is measured.
        String[] args = {"open", "--speed", "realtime", log.toString()};
        String loadBefore = Machine.load();
        ChildProcess.Measure m = launcher
                ? ChildProcess.run(BenchWindow.launcherCommand(args), null, BenchWindow.launcherEnvironment(Map.of(), options))
                : ChildProcess.run(BenchWindow.jarCommand(options, args), null, BenchWindow.environment(Map.of()));
        if (!Files.exists(probe)) {
            throw new IllegalStateException(label + ": no seek probe written (exit " + m.exit() + ")");
        }
        List<double[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(probe)) {
            if (line.startsWith("#")) {
                throw new IllegalStateException(label + ": " + line.substring(1).trim());
            }
            if (!line.isBlank() && Character.isDigit(line.charAt(0))) {
                rows.add(Arrays.stream(line.split(",")).mapToDouble(Double::parseDouble).toArray());
            }
        }
        if (Boolean.getBoolean("runlens.bench.verbose")) {
            for (double[] r : rows) {
                System.out.printf("%s: seek %,.0f -> %,.0f: %.0f ms (worker %.0f, CPU %.0f; FX %.0f, CPU %.0f; "
                                + "waits: queue %.0f, hand-off %.0f, to the pulse %.0f, pulse to pulse %.0f)%n",
                        label, r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], r[9], r[10]);
            }
        }
        double[] ms = column(rows, 2);
        long over = Arrays.stream(ms).filter(v -> v > 200).count();
        System.out.printf("RESULT seek (%s, round %d): %d seeks, request to painted frame p50 %.0f ms, p90 %.0f ms, max %.0f ms "
                        + "(target 200; %d over), first %.0f ms; worker CPU p50 %.0f / max %.0f ms; FX CPU p50 %.0f / max %.0f ms; "
                        + "waits p50 / max: queue %.0f / %.0f, hand-off %.0f / %.0f, restored to its pulse %.0f / %.0f, that pulse to the next %.0f / %.0f ms; "
                        + "process wall %.1f s, peak RSS %d MB; load %s before, %s after%n",
                label, round, ms.length, pct(ms, 50), pct(ms, 90), pct(ms, 100), over, ms.length == 0 ? 0 : ms[0],
                pct(column(rows, 4), 50), pct(column(rows, 4), 100), pct(column(rows, 6), 50), pct(column(rows, 6), 100),
                pct(column(rows, 7), 50), pct(column(rows, 7), 100), pct(column(rows, 8), 50), pct(column(rows, 8), 100),
                pct(column(rows, 9), 50), pct(column(rows, 9), 100), pct(column(rows, 10), 50), pct(column(rows, 10), 100),
                m.seconds(), m.peakRssMb(), loadBefore, Machine.load());
    }

    private static double[] column(List<double[]> rows, int i) {
        return rows.stream().mapToDouble(r -> r[i]).toArray();
    }

    private static double pct(double[] values, double p) {
        if (values.length == 0) {
            return 0;
        }
        double[] s = values.clone();
        Arrays.sort(s);
        return s[Math.max(0, Math.min(s.length - 1, (int) Math.ceil(p / 100 * s.length) - 1))];
    }
}
