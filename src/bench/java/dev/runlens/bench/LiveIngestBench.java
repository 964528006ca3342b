package dev.runlens.bench;

import dev.runlens.sim.Simulator;
import dev.runlens.sim.SimulatorOptions;
import dev.runlens.summary.SummaryBuilder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Issue 15, live ingest: the simulator's firehose sends 1,000,000 small Space Operator events for
 * one run over loopback; {@code runlens record} receives and records them (and must lose none).
 * In the same round two bare clients receive and discard the same stream: Node's {@code ws}
 * ({@code src/bench/node}, the fastest found on this machine) and a bare Tyrus client. Target:
 * record within 1.5x the fastest bare client's wall time, compared within each round because the
 * machine is shared. Every client is its own process, timed from start to exit.
 *
 * <p>Options: {@code -Drunlens.bench.events=N}, {@code -Drunlens.bench.runs=N},
 * {@code -Drunlens.bench.recordJava="-XX:... -Xmx..."} (JVM options for record, as a launcher's
 * {@code --java-options} would pass them), {@code -Drunlens.bench.node=false} to skip Node.
 */
final class LiveIngestBench {
    private LiveIngestBench() {
    }

    static void run() throws Exception {
        int events = Integer.getInteger("runlens.bench.events", 1_000_000);
        int runs = Integer.getInteger("runlens.bench.runs", 5);
        String jar = System.getProperty("runlens.jar", "target/runlens.jar");
        List<String> recordJava = splitOptions(System.getProperty("runlens.bench.recordJava", ""));
        Path dir = Path.of("target", "bench");
        Files.createDirectories(dir);
        Path node = Boolean.parseBoolean(System.getProperty("runlens.bench.node", "true")) ? NodeBareClient.install(dir) : null;
        double[] tyrus = new double[runs];
        double[] nodeWs = new double[runs];
        double[] record = new double[runs];
        double[] ratio = new double[runs];
        System.out.println("record JVM options: " + (recordJava.isEmpty() ? "(defaults)" : String.join(" ", recordJava)));
        try (Simulator sim = Simulator.start(SimulatorOptions.fast())) {
            String url = sim.spaceOperatorUrl().toString();
            for (int i = 0; i < runs; i++) {
                ChildProcess.Measure b = ChildProcess.run(List.of(ChildProcess.java(), "-cp", System.getProperty("java.class.path"),
                        MinimalClient.class.getName(), url, sim.demoToken(), sim.startFirehose(events, 0)), null);
                check(b, "bare Tyrus client");
                ChildProcess.Measure n = null;
                if (node != null) {
                    n = ChildProcess.run(List.of("node", node.toString(), url, sim.demoToken(), sim.startFirehose(events, 0)), null);
                    check(n, "bare Node ws client");
                }
                Path out = dir.resolve("ingest-" + i + ".jsonl");
                List<String> command = new ArrayList<>();
                command.add(ChildProcess.java());
                command.addAll(recordJava);
                command.addAll(List.of("-jar", jar, "record", "--url", url, "--run", sim.startFirehose(events, 0), "--out", out.toString()));
                ChildProcess.Measure r = ChildProcess.run(command, null, Map.of("RUNLENS_TOKEN", sim.demoToken()));
                check(r, "record");
                long recorded = recordedEvents(out);
                if (recorded != events) {
                    throw new IllegalStateException("record kept " + recorded + " of " + events + " events");
                }
                tyrus[i] = b.seconds();
                record[i] = r.seconds();
                nodeWs[i] = n != null ? n.seconds() : Double.NaN;
                double fastest = n != null ? Math.min(n.seconds(), b.seconds()) : b.seconds();
                ratio[i] = r.seconds() / fastest;
                System.out.printf("run %d: record %.2f s (%d MB peak RSS, %,d events kept) | bare Node ws %s | bare Tyrus %.2f s (%d MB)"
                                + " | ratio record/fastest %.2f (load %s)%n",
                        i + 1, r.seconds(), r.peakRssMb(), recorded,
                        n != null ? String.format("%.2f s (%d MB)", n.seconds(), n.peakRssMb()) : "skipped",
                        b.seconds(), b.peakRssMb(), ratio[i], load());
                Files.deleteIfExists(out);
            }
        }
        System.out.printf("RESULT ingest: %,d events, %d rounds; record median %.2f s (%,.0f events/s); bare Node ws median %s;"
                        + " bare Tyrus median %.2f s; ratio record/fastest: median of rounds %.2f (target <= 1.5), nothing lost%n",
                events, runs, ChildProcess.median(record), events / ChildProcess.median(record),
                node != null ? String.format("%.2f s", ChildProcess.median(nodeWs)) : "skipped",
                ChildProcess.median(tyrus), ChildProcess.median(ratio));
    }

    private static long recordedEvents(Path log) throws IOException {
        SummaryBuilder check = new SummaryBuilder();
        check.add(log);
        return check.model().runs().get(0).events();
    }

    private static void check(ChildProcess.Measure m, String who) {
        if (m.exit() != 0) {
            throw new IllegalStateException(who + " failed with exit status " + m.exit());
        }
    }

    private static List<String> splitOptions(String options) {
        List<String> list = new ArrayList<>();
        for (String s : options.trim().split("\\s+")) {
            if (!s.isEmpty()) {
                list.add(s);
            }
        }
        return list;
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }
}
