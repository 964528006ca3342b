package dev.runlens.bench;

import dev.runlens.sim.Simulator;
import dev.runlens.sim.SimulatorOptions;
import dev.runlens.summary.SummaryBuilder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Issue 6, benchmark 2: the simulator's firehose sends 1,000,000 small Space Operator events for
 * one run over loopback; {@code runlens record} receives, records and applies them (and must lose
 * none). In the same run a bare Tyrus client receives and discards the same stream: the limit of
 * the transport. Target: record within 1.3x of the bare client's wall time. Both are separate
 * JVMs, timed from process start to exit.
 */
final class LiveIngestBench {
    private static final int RUNS = 3;

    private LiveIngestBench() {
    }

    static void run() throws Exception {
        int events = Integer.getInteger("runlens.bench.events", 1_000_000);
        String jar = System.getProperty("runlens.jar", "target/runlens.jar");
        Path dir = Path.of("target", "bench");
        Files.createDirectories(dir);
        double[] bare = new double[RUNS];
        double[] record = new double[RUNS];
        try (Simulator sim = Simulator.start(SimulatorOptions.fast())) {
            for (int i = 0; i < RUNS; i++) {
                String floorRun = sim.startFirehose(events, 0);
                ChildProcess.Measure b = ChildProcess.run(List.of(ChildProcess.java(), "-cp", System.getProperty("java.class.path"),
                        MinimalClient.class.getName(), sim.spaceOperatorUrl().toString(), sim.demoToken(), floorRun), null);
                String recordRun = sim.startFirehose(events, 0);
                Path out = dir.resolve("ingest-" + i + ".jsonl");
                ChildProcess.Measure r = ChildProcess.run(List.of(ChildProcess.java(), "-jar", jar, "record",
                        "--url", sim.spaceOperatorUrl().toString(), "--run", recordRun, "--out", out.toString()),
                        null, Map.of("RUNLENS_TOKEN", sim.demoToken()));
                if (b.exit() != 0 || r.exit() != 0) {
                    throw new IllegalStateException("a run failed: bare client " + b.exit() + ", record " + r.exit());
                }
                SummaryBuilder check = new SummaryBuilder();
                check.add(out);
                long recorded = check.model().runs().get(0).events();
                if (recorded != events) {
                    throw new IllegalStateException("record kept " + recorded + " of " + events + " events");
                }
                bare[i] = b.seconds();
                record[i] = r.seconds();
                System.out.printf("run %d: record %.2f s (%d MB peak RSS, %,d events kept) | bare Tyrus client %.2f s (%d MB)%n",
                        i + 1, r.seconds(), r.peakRssMb(), recorded, b.seconds(), b.peakRssMb());
                Files.deleteIfExists(out);
            }
        }
        double rm = ChildProcess.median(record);
        double bm = ChildProcess.median(bare);
        System.out.printf("RESULT ingest: %,d events; record median %.2f s (%,.0f events/s), bare Tyrus client median %.2f s; "
                + "ratio %.2f (target <= 1.3), nothing lost%n", events, rm, events / rm, bm, rm / bm);
    }
}
