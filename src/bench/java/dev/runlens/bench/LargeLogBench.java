package dev.runlens.bench;

import dev.runlens.replay.LogGenerator;

import dev.runlens.bench.ChildProcess.Measure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Issue 6, benchmark 4: {@code summary --json} of a generated 1,000,000-event session log
 * (target ≤ 3 s wall, ≤ 512 MB peak RSS), side by side with a plain line-by-line Jackson parse of
 * the same file (the floor). Three runs each; medians and maxima printed. {@code summary} of a
 * large input relaunches itself in a second JVM (see docs/decisions/0010): its peak RSS is that
 * of the whole process tree, the launching JVM's peak plus the second one's. The same command
 * with the relaunch switched off ({@code RUNLENS_RELAUNCH=0}) is measured too, for comparison.
 * The relaunched JVM maps a class archive that the first large command after a new jar writes
 * (decision 0017): the bench starts from an empty cache folder, measures and prints that first
 * run on its own, then the three runs.
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
        double[] inProcessWall = new double[RUNS];
        long inProcessRss = 0;
        double[] floorWall = new double[RUNS];
        long floorRss = 0;
        List<String> summary = List.of(ChildProcess.java(), "-jar", jar, "summary", "--json", log.toString());
        Path cache = dir.resolve("class-archive-cache");
        StartupBench.deleteTree(cache);
        Map<String, String> withCache = Map.of("XDG_CACHE_HOME", cache.toAbsolutePath().toString());
        Measure first = ChildProcess.run(summary, dir.resolve("summary-first.json"), withCache);
        System.out.printf("first run after a new jar (writes the relaunched JVM's class archive): summary %.2f s %d MB, exit %d%n",
                first.seconds(), first.peakRssMb(), first.exit());
        for (int i = 0; i < RUNS; i++) {
            Measure floor = ChildProcess.run(List.of(ChildProcess.java(), "-cp", System.getProperty("java.class.path"),
                    PlainJacksonParse.class.getName(), log.toString()), null, Map.of());
            Measure s = ChildProcess.run(summary, dir.resolve("summary.json"), withCache);
            Measure in = ChildProcess.run(summary, dir.resolve("summary-in-process.json"), Map.of("RUNLENS_RELAUNCH", "0"));
            if (s.exit() != 0 || in.exit() != 0 || floor.exit() != 0) {
                throw new IllegalStateException("a run failed: summary " + s.exit() + ", in process " + in.exit()
                        + ", floor " + floor.exit());
            }
            summaryWall[i] = s.seconds();
            inProcessWall[i] = in.seconds();
            floorWall[i] = floor.seconds();
            summaryRss = Math.max(summaryRss, s.peakRssMb());
            inProcessRss = Math.max(inProcessRss, in.peakRssMb());
            floorRss = Math.max(floorRss, floor.peakRssMb());
            System.out.printf("run %d: summary %.2f s %d MB | summary, no relaunch %.2f s %d MB | plain Jackson parse %.2f s %d MB%n",
                    i + 1, s.seconds(), s.peakRssMb(), in.seconds(), in.peakRssMb(), floor.seconds(), floor.peakRssMb());
        }
        if (Files.mismatch(dir.resolve("summary.json"), dir.resolve("summary-in-process.json")) != -1
                || Files.mismatch(dir.resolve("summary-first.json"), dir.resolve("summary-in-process.json")) != -1) {
            throw new IllegalStateException("the relaunched summary differs from the in-process one");
        }
        profiledChild(jar, log, dir);
        System.out.printf("RESULT largelog: summary --json median %.2f s (target 3 s), peak RSS %d MB, launcher + relaunched JVM "
                        + "(target 512 MB); without the relaunch median %.2f s, peak RSS %d MB; "
                        + "plain Jackson line parse median %.2f s, peak RSS %d MB%n",
                ChildProcess.median(summaryWall), summaryRss, ChildProcess.median(inProcessWall), inProcessRss,
                ChildProcess.median(floorWall), floorRss);
    }

    /**
     * With {@code -Drunlens.bench.jvm="OPTS"} (for example a JFR recording), one more run of the
     * command as the relaunched JVM runs it, with those options added: options given to
     * {@code java -jar} itself would switch the relaunch off (decision 10) and so measure
     * something else.
     */
    private static void profiledChild(String jar, Path log, Path dir) throws IOException, InterruptedException {
        String extra = System.getProperty("runlens.bench.jvm", "").trim();
        if (extra.isEmpty()) {
            return;
        }
        List<String> command = new java.util.ArrayList<>(List.of(ChildProcess.java(), "-XX:+UseSerialGC",
                "-XX:FreqInlineSize=100"));  // BatchRelaunch's child options
        command.addAll(List.of(extra.split("\\s+")));
        command.addAll(List.of("-Drunlens.relaunched=true", "-cp", jar, "dev.runlens.Main", "summary", "--json", log.toString()));
        Measure m = ChildProcess.run(command, dir.resolve("summary-profiled.json"), Map.of());
        System.out.printf("profiled child (%s): %.2f s, %d MB, exit %d%n", extra, m.seconds(), m.peakRssMb(), m.exit());
    }
}
