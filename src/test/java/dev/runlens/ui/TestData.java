package dev.runlens.ui;

import dev.runlens.Fixtures;
import dev.runlens.ui.bridge.FrameBridge;
import dev.runlens.ui.bridge.SpillFile;
import dev.runlens.ui.dashboard.DashboardModel;
import dev.runlens.ui.dashboard.Feed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Fixture and generated event streams, fed through the real bridge, for UI and view-model tests. */
public final class TestData {
    public static final String RUN = "6513270e-269e-4d37-b2a7-4de452e6b438";
    public static final String FAILING_NODE = "9531985d-5d9d-49f8-9818-e811892f902b";
    public static final String U128_MAX = "340282366920938463463374607431768211455";

    private TestData() {
    }

    /** A bridge and model with the file read and applied (without FX). */
    public static DashboardModel load(Path file) {
        FrameBridge bridge = new FrameBridge(new SpillFile());
        DashboardModel model = new DashboardModel();
        feed(bridge, model, file);
        return model;
    }

    public static void feed(FrameBridge bridge, DashboardModel model, Path file) {
        Feed feed = bridge.newFeed(file.getFileName().toString(), false);
        FileFeed.read(file, bridge, feed);
        model.apply(bridge.drain(Integer.MAX_VALUE));
    }

    public static Path fixture(String name) {
        return Fixtures.log(name);
    }

    /**
     * A Space Operator v2 run: a node "amount" whose input holds a u128, a loop node with
     * {@code loops} iterations each with a NodeLog, and a FlowFinish when {@code finish}.
     */
    public static List<String> v2Run(String runId, int loops, boolean finish) {
        List<String> lines = new ArrayList<>();
        String t0 = "2025-11-22T08:30:00";
        lines.add(v2(runId, "FlowStart", "\"time\":\"" + t0 + ".000Z\""));
        lines.add(v2(runId, "NodeStart", "\"time\":\"" + t0 + ".010Z\",\"node_id\":\"11111111-1111-4111-8111-111111111111\","
                + "\"times\":0,\"input\":{\"M\":{\"amount\":{\"U1\":\"" + U128_MAX + "\"},\"fee\":{\"D\":\"0.000005000\"},"
                + "\"owner\":{\"B3\":\"5sNRWMrT2P3KULzW3faaktCB3k2eqHow2GBJtcsCPcg7\"},\"private_key\":{\"S\":\"hunter2-private\"}}}"));
        lines.add(v2(runId, "NodeOutput", "\"time\":\"" + t0 + ".020Z\",\"node_id\":\"11111111-1111-4111-8111-111111111111\","
                + "\"times\":0,\"output\":{\"M\":{\"ok\":{\"B\":true}}}"));
        lines.add(v2(runId, "NodeFinish", "\"time\":\"" + t0 + ".030Z\",\"node_id\":\"11111111-1111-4111-8111-111111111111\",\"times\":0"));
        for (int i = 0; i < loops; i++) {
            String ms = String.format("%03d", 40 + (i % 900));
            String sec = String.format("%02d", 1 + i / 900);
            String time = "2025-11-22T08:30:" + sec + "." + ms + "Z";
            String node = "\"node_id\":\"22222222-2222-4222-8222-222222222222\",\"times\":" + i;
            lines.add(v2(runId, "NodeStart", "\"time\":\"" + time + "\"," + node + ",\"input\":{\"M\":{\"i\":{\"U\":\"" + i + "\"}}}"));
            lines.add(v2(runId, "NodeLog", "\"time\":\"" + time + "\"," + node + ",\"level\":\"Info\",\"module\":null,\"content\":\"iteration " + i + "\""));
            lines.add(v2(runId, "NodeFinish", "\"time\":\"" + time + "\"," + node));
        }
        if (finish) {
            lines.add(v2(runId, "FlowFinish", "\"time\":\"2025-11-22T08:31:00.000Z\","
                    + "\"not_run\":[\"33333333-3333-4333-8333-333333333333\"],\"output\":{\"M\":{}}"));
        }
        return lines;
    }

    public static String v2(String runId, String kind, String fields) {
        return "{\"stream_id\":7,\"event\":\"" + kind + "\",\"data\":{" + fields + ",\"flow_run_id\":\"" + runId + "\"}}";
    }

    public static Path write(Path dir, String name, List<String> lines) {
        try {
            return Files.write(dir.resolve(name), lines);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
