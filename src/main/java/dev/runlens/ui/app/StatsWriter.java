package dev.runlens.ui.app;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.runlens.json.Json;
import dev.runlens.model.Run;
import dev.runlens.ui.bridge.PulseStats;
import dev.runlens.ui.dashboard.DashboardModel;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;

/** The {@code --stats-out} file of {@code watch}: what was applied and how smooth the pulses were. */
final class StatsWriter {
    private StatsWriter() {
    }

    static ObjectNode stats(DashboardModel model, PulseStats pulses) {
        ObjectNode root = Json.object();
        root.put("events_applied", model.eventsApplied());
        ArrayNode runs = root.putArray("runs");
        for (Run r : model.runs()) {
            ObjectNode o = runs.addObject();
            o.put("run_id", r.ref().runId());
            o.put("status", r.status().id());
            o.put("events", r.events());
        }
        ObjectNode fx = root.putObject("fx");
        fx.put("pulses", pulses.pulses());
        fx.put("gap_ms_p50", round(pulses.percentile(50)));
        fx.put("gap_ms_p99", round(pulses.percentile(99)));
        fx.put("gap_ms_max", round(pulses.max()));
        root.put("max_backlog", pulses.maxBacklog());
        root.put("heap_peak_mb", round(heapPeakMb()));
        // Beyond the documented fields: how long after the newest frame the display had caught up.
        root.put("drain_ms", round(pulses.maxDrainMs()));
        root.put("gap_max_at_ms", round(pulses.maxAtMs()));
        root.put("gap_ms_max_after_first_frame", round(pulses.maxAfterFirstFrame()));
        // Work counts, steadier than wall times on a shared machine: the process's CPU time, the
        // collector's, and the heap still in use after a full collection at the end (what the window
        // keeps, unlike heap_peak_mb, which follows the collector's young-generation sizing).
        root.put("process_cpu_s", round(ProcessHandle.current().info().totalCpuDuration().map(d -> d.toMillis() / 1000.0).orElse(-1.0)));
        long gcs = 0;
        long gcMs = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            gcs += Math.max(0, gc.getCollectionCount());
            gcMs += Math.max(0, gc.getCollectionTime());
        }
        root.put("gc_count", gcs);
        root.put("gc_ms", gcMs);
        root.put("live_heap_mb", round(liveHeapMb()));
        // CPU time of the FX and render threads: the window's work, whatever else the machine runs.
        root.put("fx_cpu_ms", round(pulses.fxCpuMs()));
        root.put("render_cpu_ms", round(pulses.renderCpuMs()));
        return root;
    }

    static void write(Path file, DashboardModel model, PulseStats pulses) throws IOException {
        Files.writeString(file, Json.compact(stats(model, pulses)) + "\n");
    }

    static double heapPeakMb() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak / (1024.0 * 1024.0);
    }

    /**
     * The heap in use after a full collection: what the window still holds (index, model, rows).
     * Only here, at exit with {@code --stats-out}: a collection of a few hundred MB takes a moment.
     * (The pools' own after-collection figures are not it: G1 updates its old generation's only
     * at mixed and full collections.)
     */
    static double liveHeapMb() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024.0 * 1024.0);
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
