package dev.runlens.bench;

import dev.runlens.protocol.FrameDecoder;
import dev.runlens.protocol.ReceivedFrame;
import dev.runlens.ui.bridge.FrameBridge;
import dev.runlens.ui.bridge.SpillFile;
import dev.runlens.ui.dashboard.DashboardModel;
import dev.runlens.ui.dashboard.Feed;
import dev.runlens.ui.dashboard.Selection;
import dev.runlens.ui.runs.RunsViewModel;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What applying costs the FX thread per event with many runs against one run, measured in this JVM
 * without a window: the CPU time of the pump's work (the dashboard model and the runs list's view
 * model, one batch per simulated pulse) for the many-runs stream ({@code -Dbench=runs}'s frames,
 * one event of each run in turn) and for one run at the same rate. CPU time of one thread, so it
 * holds on a busy machine where the window's pulse gaps measure the neighbours. Decoding happens
 * before, off the clock, as it does on the network threads. {@code -Drunlens.bench.via=model}.
 */
final class RunsApplyBench {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final int NODES = 8;

    private RunsApplyBench() {
    }

    static void run(int runs, int rate, int seconds) {
        int perRun = Math.max(2, (int) ((long) rate * seconds / runs));
        int perPulse = Math.max(1, rate / 60);
        int rounds = Integer.getInteger("runlens.bench.rounds", 5);
        double[] many = new double[rounds];
        double[] manyList = new double[rounds];
        double[] one = new double[rounds];
        for (int round = 0; round < rounds; round++) {
            Figures m = measure(runs, perRun, perPulse);
            Figures o = measure(1, perRun * runs, perPulse);
            many[round] = m.applyMicros();
            manyList[round] = m.listMicros();
            one[round] = o.applyMicros();
            System.out.printf("round %d: %,d runs: apply %.2f us/event (runs list %.2f); one run: %.2f us/event; load %s%n",
                    round + 1, runs, m.applyMicros(), m.listMicros(), o.applyMicros(), Machine.load());
        }
        System.out.printf("RESULT runs in-process: %,d runs x %,d events, %,d a pulse: apply %.2f us/event CPU (median of %d; min %.2f), "
                        + "of which the runs list %.2f; one run of %,d events at the same pulse size: %.2f us/event (min %.2f); load %s%n",
                runs, perRun, perPulse, ChildProcess.median(many), rounds, min(many), ChildProcess.median(manyList), perRun * runs,
                ChildProcess.median(one), min(one), Machine.load());
    }

    private static double min(double[] v) {
        return java.util.Arrays.stream(v).min().orElse(0);
    }

    /** CPU time of applying and of the runs list's share, in ns, over {@code events}. */
    private record Figures(long applyNanos, long listNanos, long events, int pulses) {
        double applyMicros() {
            return applyNanos / 1e3 / events;
        }

        double listMicros() {
            return listNanos / 1e3 / events;
        }
    }

    private static Figures measure(int runs, int perRun, int perPulse) {
        FrameBridge bridge = new FrameBridge(new SpillFile());
        DashboardModel model = new DashboardModel();
        Selection selection = new Selection();
        long[] listNanos = {0};
        // The runs list's share: its listener timed on its own (it runs inside apply).
        model.addListener(b -> listNanos[0] -= THREADS.getCurrentThreadCpuTime());
        new RunsViewModel(model, selection);
        model.addListener(b -> listNanos[0] += THREADS.getCurrentThreadCpuTime());
        Feed feed = bridge.newFeed("bench", true);
        FrameDecoder decoder = new FrameDecoder();
        List<String> ids = new ArrayList<>();
        for (int r = 0; r < runs; r++) {
            String id = UUID.randomUUID().toString();
            ids.add(id);
            decoder.registerStream(r + 1, id);
        }
        long applyNanos = 0;
        long events = 0;
        long seq = 0;
        int pulses = 0;
        int inPulse = 0;
        for (int i = 0; i < perRun; i++) {
            for (int r = 0; r < runs; r++) {
                String text = "{\"stream_id\":" + (r + 1) + ",\"event\":\"" + frame(i, perRun, Instant.now())
                        + ",\"flow_run_id\":\"" + ids.get(r) + "\"}}";
                bridge.frame(feed, new ReceivedFrame(seq++, Instant.now(), text, decoder.decode(text), -1));
                events++;
                if (++inPulse == perPulse || i == perRun - 1 && r == runs - 1) {
                    long t0 = THREADS.getCurrentThreadCpuTime();
                    model.apply(bridge.drain(Integer.MAX_VALUE));
                    applyNanos += THREADS.getCurrentThreadCpuTime() - t0;
                    inPulse = 0;
                    pulses++;
                }
            }
        }
        if (model.eventsApplied() != events) {
            throw new IllegalStateException("applied " + model.eventsApplied() + " of " + events);
        }
        return new Figures(applyNanos, listNanos[0], events, pulses);
    }

    /** The simulator's many-runs frames (ManyRuns): FlowStart, node triples over eight nodes, FlowFinish. */
    private static String frame(int i, int perRun, Instant at) {
        String time = "\"time\":\"" + at + "\"";
        if (i == 0) {
            return "FlowStart\",\"data\":{" + time;
        }
        if (i == perRun - 1) {
            return "FlowFinish\",\"data\":{" + time + ",\"not_run\":[],\"output\":{\"M\":{\"n\":{\"U\":\"" + i + "\"}}}";
        }
        int k = i - 1;
        int triple = k / 3;
        String node = ",\"node_id\":\"" + String.format("00000000-0000-4000-8000-%012d", triple % NODES + 1) + "\",\"times\":"
                + (triple / NODES);
        return switch (k % 3) {
            case 0 -> "NodeStart\",\"data\":{" + time + node + ",\"input\":{\"M\":{\"n\":{\"U\":\"" + triple + "\"}}}";
            case 1 -> "NodeOutput\",\"data\":{" + time + node + ",\"output\":{\"M\":{\"ok\":{\"B\":true}}}";
            default -> "NodeFinish\",\"data\":{" + time + node;
        };
    }
}
