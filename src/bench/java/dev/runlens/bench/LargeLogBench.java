package dev.runlens.bench;

import dev.runlens.bench.ChildProcess.Measure;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Issue 6, benchmark 4 (issue 15: as users start it): {@code summary --json} of a generated
 * 1,000,000-event session log (target ≤ 1.5× the floor, ≤ 512 MB peak RSS), side by side with
 * a plain line-by-line Jackson parse of the same file (the floor), both with the JVM options of
 * the command-line launcher ({@code -Drunlens.bench.cli.options}, default {@code -XX:+UseSerialGC}).
 * The packaged launcher ({@code -Drunlens.cli.launcher}, default
 * {@code target/dist/Runlens/bin/runlens-cli}) is measured too when it exists. Five runs each,
 * alternating; medians, spreads, CPU seconds (user + system: the steadier figure on a shared
 * machine) and the largest peak RSS printed. The summaries must be equal.
 */
final class LargeLogBench {
    private static final int RUNS = 5;

    private LargeLogBench() {
    }

    static void run() throws Exception {
        int events = Integer.getInteger("runlens.bench.events", 1_000_000);
        Path dir = Path.of("target", "bench");
        Path log = GeneratedLog.of(events);
        String jar = System.getProperty("runlens.jar", "target/runlens.jar");
        List<String> options = List.of(System.getProperty("runlens.bench.cli.options", "-XX:+UseSerialGC").trim().split("\\s+"));
        Path launcher = Path.of(System.getProperty("runlens.cli.launcher", "target/dist/Runlens/bin/runlens-cli"));
        boolean packaged = Files.isExecutable(launcher);
        System.out.printf("log: %s, %,d events, %,d bytes; JVM options %s; packaged launcher %s%n", log, events,
                Files.size(log), options, packaged ? launcher : "not built");
        List<String> floorCommand = new ArrayList<>(List.of(ChildProcess.java()));
        floorCommand.addAll(options);
        floorCommand.addAll(List.of("-cp", System.getProperty("java.class.path"), PlainJacksonParse.class.getName(), log.toString()));
        List<String> jarCommand = new ArrayList<>(List.of(ChildProcess.java()));
        jarCommand.addAll(options);
        jarCommand.addAll(List.of("-jar", jar, "summary", "--json", log.toString()));
        List<String> launcherCommand = List.of(launcher.toString(), "summary", "--json", log.toString());
        double[] floorWall = new double[RUNS];
        double[] jarWall = new double[RUNS];
        double[] launcherWall = new double[RUNS];
        double[] floorCpu = new double[RUNS];
        double[] jarCpu = new double[RUNS];
        double[] launcherCpu = new double[RUNS];
        long floorRss = 0;
        long jarRss = 0;
        long launcherRss = 0;
        for (int i = 0; i < RUNS; i++) {
            Measure floor = ChildProcess.run(floorCommand, null, Map.of());
            Measure j = ChildProcess.run(jarCommand, dir.resolve("summary-jar.json"), Map.of());
            check(floor, "floor");
            check(j, "java -jar summary");
            floorWall[i] = floor.seconds();
            jarWall[i] = j.seconds();
            floorCpu[i] = floor.cpuSeconds();
            jarCpu[i] = j.cpuSeconds();
            floorRss = Math.max(floorRss, floor.peakRssMb());
            jarRss = Math.max(jarRss, j.peakRssMb());
            String line = String.format("run %d: plain Jackson parse %.2f s %.2f CPU-s %d MB | java -jar summary %.2f s %.2f CPU-s %d MB",
                    i + 1, floor.seconds(), floor.cpuSeconds(), floor.peakRssMb(), j.seconds(), j.cpuSeconds(), j.peakRssMb());
            if (packaged) {
                Measure l = ChildProcess.run(launcherCommand, dir.resolve("summary-launcher.json"), Map.of());
                check(l, "runlens-cli summary");
                launcherWall[i] = l.seconds();
                launcherCpu[i] = l.cpuSeconds();
                launcherRss = Math.max(launcherRss, l.peakRssMb());
                line += String.format(" | runlens-cli summary %.2f s %.2f CPU-s %d MB", l.seconds(), l.cpuSeconds(), l.peakRssMb());
            }
            System.out.println(line);
        }
        if (packaged && Files.mismatch(dir.resolve("summary-jar.json"), dir.resolve("summary-launcher.json")) != -1) {
            throw new IllegalStateException("the launcher's summary differs from java -jar's");
        }
        double floorMedian = ChildProcess.median(floorWall);
        System.out.printf("RESULT largelog: plain Jackson line parse median %.2f s (%s), %.2f CPU-s, peak RSS %d MB; "
                        + "java -jar summary --json median %.2f s (%s), %.2f CPU-s, %.2f× the floor (target 1.5×), peak RSS %d MB (target 512 MB)%n",
                floorMedian, spread(floorWall), ChildProcess.median(floorCpu), floorRss, ChildProcess.median(jarWall), spread(jarWall),
                ChildProcess.median(jarCpu), ChildProcess.median(jarWall) / floorMedian, jarRss);
        if (packaged) {
            System.out.printf("RESULT largelog: runlens-cli summary --json median %.2f s (%s), %.2f CPU-s, %.2f× the floor, peak RSS %d MB%n",
                    ChildProcess.median(launcherWall), spread(launcherWall), ChildProcess.median(launcherCpu),
                    ChildProcess.median(launcherWall) / floorMedian, launcherRss);
        }
    }

    private static void check(Measure m, String what) {
        if (m.exit() != 0) {
            throw new IllegalStateException(what + " failed with exit " + m.exit());
        }
    }

    private static String spread(double[] values) {
        double min = Double.MAX_VALUE;
        double max = 0;
        for (double v : values) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        return String.format("%.2f–%.2f", min, max);
    }
}
