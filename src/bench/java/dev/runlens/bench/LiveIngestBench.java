package dev.runlens.bench;

import dev.runlens.sim.Simulator;
import dev.runlens.summary.SummaryBuilder;
import dev.runlens.sim.SimulatorOptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Issue 15, live ingest: the simulator's firehose sends 1,000,000 small Space Operator events for
 * one run over loopback; {@code record} receives and records them (and must lose none), started as
 * users start it, through the packaged {@code bin/runlens-cli} (its own JVM options), and as
 * {@code java -jar runlens.jar} with the JVM's defaults. In the same round two bare clients
 * receive and discard the same stream: Node's {@code ws} ({@code src/bench/node}, the fastest
 * found on this machine) and a bare Tyrus client. Target: record within 1.5x the fastest bare
 * client's wall time, compared within each round because the machine is shared. Every client is
 * its own process, timed from start to exit; its CPU seconds are printed too, which compare
 * between runs on a loaded machine where wall times do not, and so are the simulator's while it
 * served that client ({@link ServingCpu}): on two cores the server's share bounds every client.
 *
 * <p>Options: {@code -Drunlens.bench.events=N}, {@code -Drunlens.bench.runs=N},
 * {@code -Drunlens.bench.recordJava="-XX:... -Xmx..."} (JVM options for {@code java -jar record},
 * to try what a launcher's {@code --java-options} would pass), {@code -Drunlens.bench.node=false}
 * to skip Node. The launcher is skipped when the app image is not built.
 */
final class LiveIngestBench {
    private LiveIngestBench() {
    }

    static void run() throws Exception {
        int events = Integer.getInteger("runlens.bench.events", 1_000_000);
        int runs = Integer.getInteger("runlens.bench.runs", 3);
        String jar = System.getProperty("runlens.jar", "target/runlens.jar");
        List<String> recordJava = Launchers.split(System.getProperty("runlens.bench.recordJava", ""));
        Path launcher = Launchers.cli();
        boolean packaged = Launchers.built(launcher);
        Path dir = Path.of("target", "bench");
        Files.createDirectories(dir);
        Path node = Boolean.parseBoolean(System.getProperty("runlens.bench.node", "true")) ? NodeBareClient.install(dir) : null;
        double[] tyrus = new double[runs];
        double[] nodeWs = new double[runs];
        double[] nodeCpu = new double[runs];
        double[] jarCpu = new double[runs];
        double[] launcherCpu = new double[runs];
        double[] viaJar = new double[runs];
        double[] viaLauncher = new double[runs];
        double[] jarRatio = new double[runs];
        double[] launcherRatio = new double[runs];
        System.out.println("java -jar record JVM options: " + (recordJava.isEmpty() ? "(defaults)" : String.join(" ", recordJava))
                + "; packaged launcher " + (packaged ? launcher : "not built"));
        try (Simulator sim = Simulator.start(SimulatorOptions.fast())) {
            String url = sim.spaceOperatorUrl().toString();
            for (int i = 0; i < runs; i++) {
                String loadBefore = Machine.load();
                String bareRun = sim.startFirehose(events, 0);
                ServingCpu bServer = new ServingCpu();
                ChildProcess.Measure b = ChildProcess.run(List.of(ChildProcess.java(), "-cp", System.getProperty("java.class.path"),
                        MinimalClient.class.getName(), url, sim.demoToken(), bareRun), null);
                double bServed = bServer.seconds();
                check(b, "bare Tyrus client");
                ChildProcess.Measure n = null;
                double nServed = Double.NaN;
                if (node != null) {
                    String nodeRun = sim.startFirehose(events, 0);
                    ServingCpu nServer = new ServingCpu();
                    n = ChildProcess.run(List.of("node", node.toString(), url, sim.demoToken(), nodeRun), null);
                    nServed = nServer.seconds();
                    check(n, "bare Node ws client");
                }
                double fastest = n != null ? Math.min(n.seconds(), b.seconds()) : b.seconds();
                List<String> jarCommand = new ArrayList<>();
                jarCommand.add(ChildProcess.java());
                jarCommand.addAll(recordJava);
                jarCommand.addAll(List.of("-jar", jar));
                Served js = record(sim, events, jarCommand, dir.resolve("ingest-jar-" + i + ".jsonl"), "java -jar record");
                ChildProcess.Measure j = js.client();
                String line = String.format("run %d: java -jar record %.2f s (%.1f CPU-s, %d MB peak RSS, server %.1f CPU-s), ratio %.2f",
                        i + 1, j.seconds(), j.cpuSeconds(), j.peakRssMb(), js.serverCpu(), j.seconds() / fastest);
                viaJar[i] = j.seconds();
                jarCpu[i] = j.cpuSeconds();
                jarRatio[i] = j.seconds() / fastest;
                if (packaged) {
                    Served ls = record(sim, events, List.of(launcher.toString()),
                            dir.resolve("ingest-launcher-" + i + ".jsonl"), "runlens-cli record");
                    ChildProcess.Measure l = ls.client();
                    viaLauncher[i] = l.seconds();
                    launcherCpu[i] = l.cpuSeconds();
                    launcherRatio[i] = l.seconds() / fastest;
                    line += String.format(" | runlens-cli record %.2f s (%.1f CPU-s, %d MB, server %.1f CPU-s), ratio %.2f",
                            l.seconds(), l.cpuSeconds(), l.peakRssMb(), ls.serverCpu(), launcherRatio[i]);
                }
                tyrus[i] = b.seconds();
                nodeWs[i] = n != null ? n.seconds() : Double.NaN;
                nodeCpu[i] = n != null ? n.cpuSeconds() : Double.NaN;
                System.out.printf("%s | bare Node ws %s | bare Tyrus %.2f s (%.1f CPU-s, %d MB, server %.1f CPU-s); all %,d events kept"
                                + " (load %s before, %s after)%n",
                        line, n != null ? String.format("%.2f s (%.1f CPU-s, %d MB, server %.1f CPU-s)", n.seconds(), n.cpuSeconds(),
                                n.peakRssMb(), nServed) : "skipped",
                        b.seconds(), b.cpuSeconds(), b.peakRssMb(), bServed, events, loadBefore, Machine.load());
            }
        }
        String baselines = String.format("bare Node ws median %s; bare Tyrus median %.2f s",
                node != null ? String.format("%.2f s (%.1f CPU-s)", ChildProcess.median(nodeWs), ChildProcess.median(nodeCpu)) : "skipped",
                ChildProcess.median(tyrus));
        if (packaged) {
            System.out.printf("RESULT ingest (runlens-cli): %,d events, %d rounds; record median %.2f s (%,.0f events/s, %.1f CPU-s); %s;"
                            + " ratio record/fastest: median of rounds %.2f (%s) (target <= 1.5), nothing lost%n",
                    events, runs, ChildProcess.median(viaLauncher), events / ChildProcess.median(viaLauncher),
                    ChildProcess.median(launcherCpu), baselines,
                    ChildProcess.median(launcherRatio), list(launcherRatio));
        }
        System.out.printf("RESULT ingest (java -jar): %,d events, %d rounds; record median %.2f s (%,.0f events/s, %.1f CPU-s); %s;"
                        + " ratio record/fastest: median of rounds %.2f (%s) (target <= 1.5), nothing lost%n",
                events, runs, ChildProcess.median(viaJar), events / ChildProcess.median(viaJar), ChildProcess.median(jarCpu), baselines,
                ChildProcess.median(jarRatio), list(jarRatio));
    }

    /** A client's measure and the simulator's CPU seconds while it ran. */
    private record Served(ChildProcess.Measure client, double serverCpu) {
    }

    /** Runs {@code command record ...} against a new firehose run; checks that every event was kept. */
    private static Served record(Simulator sim, int events, List<String> command, Path out, String who)
            throws IOException, InterruptedException {
        List<String> full = new ArrayList<>(command);
        full.addAll(List.of("record", "--url", sim.spaceOperatorUrl().toString(), "--run", sim.startFirehose(events, 0),
                "--out", out.toString()));
        ServingCpu server = new ServingCpu();
        ChildProcess.Measure m = ChildProcess.run(full, null, Map.of("RUNLENS_TOKEN", sim.demoToken()));
        double served = server.seconds();
        check(m, who);
        SummaryBuilder kept = new SummaryBuilder();
        kept.add(out);
        long recorded = kept.model().runs().get(0).events();
        Files.deleteIfExists(out);
        if (recorded != events) {
            throw new IllegalStateException(who + " kept " + recorded + " of " + events + " events");
        }
        return new Served(m, served);
    }

    private static void check(ChildProcess.Measure m, String who) {
        if (m.exit() != 0) {
            throw new IllegalStateException(who + " failed with exit status " + m.exit());
        }
    }

    private static String list(double[] values) {
        StringBuilder s = new StringBuilder();
        for (double v : values) {
            s.append(s.isEmpty() ? "" : " ").append(String.format("%.2f", v));
        }
        return s.toString();
    }
}
