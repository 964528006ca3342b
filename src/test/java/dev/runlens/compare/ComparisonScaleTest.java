package dev.runlens.compare;

import dev.runlens.model.RunModel;
import dev.runlens.protocol.FrameDecoder;
import dev.runlens.protocol.RunEvent;
import dev.runlens.protocol.RunRef;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A live view redoes the comparison once per batch: 1,000 executions with payloads must stay cheap. */
class ComparisonScaleTest {
    private static LoadedRun run(String id, int executions, int changedAt) {
        FrameDecoder decoder = new FrameDecoder();
        decoder.registerStream(1, id);
        RunModel model = new RunModel();
        RunPayloads payloads = new RunPayloads();
        List<String> frames = new ArrayList<>();
        frames.add("{\"stream_id\":1,\"event\":\"FlowStart\",\"data\":{\"time\":\"2026-11-20T10:00:00Z\"}}");
        for (int i = 0; i < executions; i++) {
            String node = "node-" + (i % 50);
            int times = i / 50;
            String value = i == changedAt ? "{\"U\":\"2\"}" : "{\"U\":\"1\"}";
            frames.add("{\"stream_id\":1,\"event\":\"NodeStart\",\"data\":{\"time\":\"2026-11-20T10:00:01Z\",\"node_id\":\"" + node
                    + "\",\"times\":" + times + ",\"input\":{\"M\":{\"i\":{\"U\":\"" + i + "\"}}}}}");
            frames.add("{\"stream_id\":1,\"event\":\"NodeOutput\",\"data\":{\"time\":\"2026-11-20T10:00:02Z\",\"node_id\":\"" + node
                    + "\",\"times\":" + times + ",\"output\":{\"M\":{\"v\":" + value + ",\"list\":{\"A\":[{\"S\":\"a\"},{\"S\":\"b\"}]}}}}}");
            frames.add("{\"stream_id\":1,\"event\":\"NodeFinish\",\"data\":{\"time\":\"2026-11-20T10:00:02Z\",\"node_id\":\"" + node
                    + "\",\"times\":" + times + "}}");
        }
        for (String f : frames) {
            if (decoder.decode(f) instanceof RunEvent e) {
                payloads.accept(e, model.apply(e).execution());
            }
        }
        return new LoadedRun(null, model.run(new RunRef(dev.runlens.protocol.Source.SPACE_OPERATOR, id)), payloads);
    }

    @Test
    void aThousandExecutionsCompareInMilliseconds() {
        LoadedRun a = run("run-a", 1000, 700);
        LoadedRun b = run("run-b", 1000, -1);
        Comparison c = null;
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 200; i++) {
            long t0 = System.nanoTime();
            c = RunComparator.compare(a, b);
            best = Math.min(best, System.nanoTime() - t0);
        }
        assertEquals(1000, c.rows().size());
        assertEquals(700, c.firstDifferingOutput());
        assertEquals(1, c.firstOutputDiff().size());
        System.out.printf("compare of 1,000 executions: best of 200 %.2f ms%n", best / 1e6);
    }
}
