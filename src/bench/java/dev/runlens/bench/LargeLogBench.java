package dev.runlens.bench;

import dev.runlens.replay.LogGenerator;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Issue 6, benchmark 4: {@code summary --json} of a generated 1,000,000-event session log
 * (target ≤ 3 s wall, ≤ 512 MB peak RSS), side by side with a plain line-by-line Jackson parse of
 * the same file (the floor). Three runs each; medians and maxima printed.
 */
final class LargeLogBench {
    private static final int RUNS = 3;

    private LargeLogBench() {
    }

    static void run() throws Exception {
        int events = Integer.getInteger("runlens.bench.events", 1_000_000);
        Path dir = Path.of("target", "bench");
        Files.createDirectories(dir);
        Path log = dir.resolve("generated-" + events + ".jsonl");
        if (!Files.exists(log)) {
            LogGenerator.write(log, events, 42);
        }
        String jar = System.getProperty("runlens.jar", "target/runlens.jar");
        System.out.printf("log: %s, %,d events, %,d bytes%n", log, events, Files.size(log));
        double[] summaryWall = new double[RUNS];
        long summaryRss = 0;
        double[] floorWall = new double[RUNS];
        long floorRss = 0;
        for (int i = 0; i < RUNS; i++) {
            ChildProcess.Measure floor = ChildProcess.run(List.of(ChildProcess.java(), "-cp", System.getProperty("java.class.path"),
                    PlainJacksonParse.class.getName(), log.toString()), null);
            ChildProcess.Measure summary = ChildProcess.run(List.of(ChildProcess.java(), "-jar", jar, "summary", "--json",
                    log.toString()), dir.resolve("summary.json"));
            if (summary.exit() != 0 || floor.exit() != 0) {
                throw new IllegalStateException("a run failed: summary " + summary.exit() + ", floor " + floor.exit());
            }
            summaryWall[i] = summary.seconds();
            floorWall[i] = floor.seconds();
            summaryRss = Math.max(summaryRss, summary.peakRssMb());
            floorRss = Math.max(floorRss, floor.peakRssMb());
            System.out.printf("run %d: summary %.2f s %d MB | plain Jackson parse %.2f s %d MB%n", i + 1,
                    summary.seconds(), summary.peakRssMb(), floor.seconds(), floor.peakRssMb());
        }
        System.out.printf("RESULT largelog: summary --json median %.2f s (target 3 s), peak RSS %d MB (target 512 MB); "
                        + "plain Jackson line parse median %.2f s, peak RSS %d MB%n",
                ChildProcess.median(summaryWall), summaryRss, ChildProcess.median(floorWall), floorRss);
    }
}
