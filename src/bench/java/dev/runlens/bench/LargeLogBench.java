package dev.runlens.bench;

import dev.runlens.replay.LogGenerator;

import dev.runlens.bench.ChildProcess.Measure;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Issue 6, benchmark 4: {@code summary --json} of a generated 1,000,000-event session log
 * (target ≤ 3 s wall, ≤ 512 MB peak RSS), side by side with a plain line-by-line Jackson parse of
 * the same file (the floor). Measured as users start it: the packaged command-line launcher
 * ({@code bin/runlens-cli}, with its own JVM options, decision 0024) when the app image is built,
 * and {@code java -jar} with the JVM's defaults. Three runs each; medians and maxima printed.
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
        String cli = System.getProperty("runlens.cli", "target/dist/Runlens/bin/runlens-cli");
        boolean packaged = new File(cli).canExecute();
        System.out.printf("log: %s, %,d events, %,d bytes%n", log, events, Files.size(log));
        if (!packaged) {
            System.out.println("(no packaged launcher at " + cli + ": build the app image with ./mvnw -B -DskipTests verify)");
        }
        List<String> viaJar = List.of(ChildProcess.java(), "-jar", jar, "summary", "--json", log.toString());
        List<String> viaLauncher = List.of(cli, "summary", "--json", log.toString());
        double[] launcherWall = new double[RUNS];
        long launcherRss = 0;
        double[] jarWall = new double[RUNS];
        long jarRss = 0;
        double[] floorWall = new double[RUNS];
        long floorRss = 0;
        for (int i = 0; i < RUNS; i++) {
            Measure floor = ChildProcess.run(List.of(ChildProcess.java(), "-cp", System.getProperty("java.class.path"),
                    PlainJacksonParse.class.getName(), log.toString()), null, Map.of());
            Measure j = ChildProcess.run(viaJar, dir.resolve("summary-jar.json"), Map.of());
            Measure l = packaged ? ChildProcess.run(viaLauncher, dir.resolve("summary-launcher.json"), Map.of()) : j;
            if (j.exit() != 0 || l.exit() != 0 || floor.exit() != 0) {
                throw new IllegalStateException("a run failed: java -jar " + j.exit() + ", launcher " + l.exit()
                        + ", floor " + floor.exit());
            }
            launcherWall[i] = l.seconds();
            jarWall[i] = j.seconds();
            floorWall[i] = floor.seconds();
            launcherRss = Math.max(launcherRss, l.peakRssMb());
            jarRss = Math.max(jarRss, j.peakRssMb());
            floorRss = Math.max(floorRss, floor.peakRssMb());
            System.out.printf("run %d: runlens-cli summary %s | java -jar summary %.2f s %d MB | plain Jackson parse %.2f s %d MB%n",
                    i + 1, packaged ? String.format("%.2f s %d MB", l.seconds(), l.peakRssMb()) : "(not built)",
                    j.seconds(), j.peakRssMb(), floor.seconds(), floor.peakRssMb());
        }
        if (packaged && Files.mismatch(dir.resolve("summary-jar.json"), dir.resolve("summary-launcher.json")) != -1) {
            throw new IllegalStateException("the launcher's summary differs from java -jar's");
        }
        profiled(jar, log, dir);
        System.out.printf("RESULT largelog: summary --json via runlens-cli median %s, peak RSS %s (targets 3 s, 512 MB); "
                        + "java -jar with the JVM's defaults median %.2f s, peak RSS %d MB; "
                        + "plain Jackson line parse median %.2f s, peak RSS %d MB%n",
                packaged ? String.format("%.2f s", ChildProcess.median(launcherWall)) : "(not built)",
                packaged ? launcherRss + " MB" : "(not built)",
                ChildProcess.median(jarWall), jarRss, ChildProcess.median(floorWall), floorRss);
    }

    /**
     * With {@code -Drunlens.bench.jvm="OPTS"} (for example a JFR recording), one more run of
     * {@code java OPTS -jar runlens.jar summary --json}.
     */
    private static void profiled(String jar, Path log, Path dir) throws IOException, InterruptedException {
        String extra = System.getProperty("runlens.bench.jvm", "").trim();
        if (extra.isEmpty()) {
            return;
        }
        List<String> command = new ArrayList<>(List.of(ChildProcess.java()));
        command.addAll(List.of(extra.split("\\s+")));
        command.addAll(List.of("-jar", jar, "summary", "--json", log.toString()));
        Measure m = ChildProcess.run(command, dir.resolve("summary-profiled.json"), Map.of());
        System.out.printf("profiled (%s): %.2f s, %d MB, exit %d%n", extra, m.seconds(), m.peakRssMb(), m.exit());
    }
}
