package dev.runlens.history;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Small recordings written from the protocols' documented frame shapes, for the history tests. */
final class HistoryRecordings {
    private HistoryRecordings() {
    }

    /** A Lyzr run: one task per entry of {@code taskSeconds}, all succeeded unless {@code fail}. */
    static List<String> lyzr(String flow, String run, double start, boolean fail, double... taskSeconds) {
        List<String> out = new ArrayList<>();
        String common = "\"flow_name\":\"" + flow + "\",\"run_name\":\"" + run + "\"";
        out.add("{\"event_type\":\"flow_started\",\"task_id\":\"f\"," + common + ",\"timestamp\":" + start + ",\"message\":\"go\"}");
        double t = start;
        for (int i = 0; i < taskSeconds.length; i++) {
            String task = "\"task_id\":\"t" + i + "\",\"task_name\":\"task_" + i + "\"," + common;
            out.add("{\"event_type\":\"task_started\"," + task + ",\"timestamp\":" + t + ",\"input\":{\"q\":\"in " + i + "\"}}");
            t += taskSeconds[i];
            out.add("{\"event_type\":\"task_completed\"," + task + ",\"timestamp\":" + t + ",\"execution_time\":" + taskSeconds[i]
                    + ",\"output\":{\"answer\":\"out " + i + "\"}}");
        }
        out.add(fail
                ? "{\"event_type\":\"flow_error\",\"task_id\":\"f\"," + common + ",\"timestamp\":" + t + ",\"error\":\"pipeline broke\"}"
                : "{\"event_type\":\"flow_completed\",\"task_id\":\"f\"," + common + ",\"timestamp\":" + t + ",\"output\":{}}");
        return out;
    }

    /** A Space Operator v2 run over {@code nodes}, node i taking {@code millis[i]}. */
    static List<String> v2(String runId, Instant start, List<String> nodes, long... millis) {
        List<String> out = new ArrayList<>();
        String f = "{\"stream_id\":1,\"event\":\"%s\",\"data\":{\"time\":\"%s\",\"flow_run_id\":\"" + runId + "\"%s}}";
        Instant t = start;
        out.add(String.format(f, "FlowStart", t, ""));
        for (int i = 0; i < nodes.size(); i++) {
            String node = ",\"node_id\":\"" + nodes.get(i) + "\",\"times\":0";
            out.add(String.format(f, "NodeStart", t, node + ",\"input\":{\"M\":{\"n\":{\"U\":\"" + i + "\"}}}"));
            t = t.plusMillis(millis[i]);
            out.add(String.format(f, "NodeFinish", t, node));
        }
        out.add(String.format(f, "FlowFinish", t, ",\"not_run\":[],\"output\":{\"M\":{}}"));
        return out;
    }

    /** The same run in the v1 (sub_id) form. */
    static List<String> v1(String runId, Instant start, List<String> nodes, long... millis) {
        List<String> out = new ArrayList<>();
        String f = "{\"sub_id\":3,\"event\":{\"flow_run_id\":\"" + runId + "\",\"time\":\"%s\",\"content\":{\"%s\":%s}}}";
        Instant t = start;
        out.add(String.format(f, t, "FlowStart", "{}"));
        for (int i = 0; i < nodes.size(); i++) {
            String node = "\"node_id\":\"" + nodes.get(i) + "\",\"times\":0";
            out.add(String.format(f, t, "NodeStart", "{" + node + ",\"input\":{\"M\":{}}}"));
            t = t.plusMillis(millis[i]);
            out.add(String.format(f, t, "NodeFinish", "{" + node + "}"));
        }
        out.add(String.format(f, t, "FlowFinish", "{\"not_run\":[],\"output\":{\"M\":{}}}"));
        return out;
    }

    static Path write(Path dir, String name, List<String> frames) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, frames);
        return p;
    }
}
