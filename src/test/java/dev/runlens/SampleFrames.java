package dev.runlens;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Realistic frames for benchmarks: Space Operator v2 runs with loops, logs, outputs and errors
 * (values with u64, pubkeys, signatures, strings and decimals), and Lyzr pipelines with nested
 * inputs and outputs. Deterministic for a seed.
 */
public final class SampleFrames {
    private static final String PUBKEY = "5sNRWMrT2P3KULzW3faaktCB3k2eqHow2GBJtcsCPcg7";
    private static final String SIGNATURE =
            "3PvNxykqBz1BzBaq2AMU4Sa3CPJGnSC9JXkyzXe33m6W7Sj4MMgsZet6YxUQdPx1fEFU79QWm6RpPRVJAyeqiNsR";

    private SampleFrames() {
    }

    /** The fixtures' frames followed by generated ones of both protocols. */
    public static List<String> withFixtures(int spaceOperator, int lyzr, long seed) {
        List<String> frames = new ArrayList<>();
        for (String name : Fixtures.NAMES) {
            frames.addAll(Fixtures.lines(name));
        }
        frames.addAll(spaceOperator(spaceOperator, seed));
        frames.addAll(lyzr(lyzr, seed + 1));
        return frames;
    }

    public static List<String> spaceOperator(int count, long seed) {
        Random rnd = new Random(seed);
        List<String> out = new ArrayList<>(count);
        Instant t = Instant.parse("2026-11-22T08:00:00.000000000Z");
        int stream = 0;
        while (out.size() < count) {
            String run = new UUID(rnd.nextLong(), rnd.nextLong()).toString();
            String[] nodes = new String[6];
            for (int i = 0; i < nodes.length; i++) {
                nodes[i] = new UUID(rnd.nextLong(), rnd.nextLong()).toString();
            }
            t = t.plusNanos(1_000_000L + rnd.nextInt(900_000));
            out.add(so(stream, "FlowStart", "\"time\":\"" + t + "\"", run));
            int loops = 1 + rnd.nextInt(20);
            for (int n = 0; n < nodes.length && out.size() < count; n++) {
                int times = n == 3 ? loops : 1;
                for (int k = 0; k < times && out.size() < count; k++) {
                    String node = "\"node_id\":\"" + nodes[n] + "\",\"times\":" + k;
                    t = t.plusNanos(120_000 + rnd.nextInt(500_000));
                    out.add(so(stream, "NodeStart", "\"time\":\"" + t + "\"," + node
                            + ",\"input\":{\"M\":{\"pubkey\":{\"B3\":\"" + PUBKEY + "\"},\"amount\":{\"U\":\""
                            + rnd.nextInt(1_000_000_000) + "\"},\"fee\":{\"D\":\"0.000005\"},\"memo\":{\"S\":\"transfer "
                            + k + " of batch\"}}}", run));
                    t = t.plusNanos(50_000 + rnd.nextInt(100_000));
                    out.add(so(stream, "NodeLog", "\"time\":\"" + t + "\"," + node
                            + ",\"level\":\"Info\",\"module\":\"flow::node\",\"content\":\"sending transaction\"", run));
                    t = t.plusNanos(50_000 + rnd.nextInt(100_000));
                    if (rnd.nextInt(50) == 0) {
                        out.add(so(stream, "NodeError", "\"time\":\"" + t + "\"," + node
                                + ",\"error\":\"insufficient funds: need 3.25 SOL\"", run));
                    } else {
                        out.add(so(stream, "NodeOutput", "\"time\":\"" + t + "\"," + node
                                + ",\"output\":{\"M\":{\"signature\":{\"B6\":\"" + SIGNATURE + "\"},\"balance\":{\"U\":\""
                                + rnd.nextInt(Integer.MAX_VALUE) + "\"}}}", run));
                    }
                    out.add(so(stream, "NodeFinish", "\"time\":\"" + t + "\"," + node, run));
                }
            }
            t = t.plusNanos(200_000);
            out.add(so(stream, "FlowFinish", "\"time\":\"" + t + "\",\"not_run\":[],\"output\":{\"M\":{\"balance\":{\"U\":\"12577139861\"}}}", run));
            stream++;
        }
        return out.subList(0, count);
    }

    private static String so(int stream, String kind, String data, String run) {
        return "{\"stream_id\":" + stream + ",\"event\":\"" + kind + "\",\"data\":{" + data + ",\"flow_run_id\":\"" + run + "\"}}";
    }

    public static List<String> lyzr(int count, long seed) {
        Random rnd = new Random(seed);
        List<String> out = new ArrayList<>(count);
        long micros = 1_756_806_125_043_000L;
        int run = 0;
        String[] tasks = {"sentiment_analyzer", "update_salesforce", "send_notifications", "summarize", "route_ticket"};
        while (out.size() < count) {
            String common = "\"flow_name\":\"Customer_Support_Pipeline\",\"run_name\":\"ticket_" + (run++) + "\"";
            out.add("{\"event_type\":\"flow_started\",\"task_id\":\"cust-support-001\"," + common + ",\"timestamp\":"
                    + ts(micros) + ",\"message\":\"Starting customer support workflow\"}");
            for (String task : tasks) {
                String id = new UUID(rnd.nextLong(), rnd.nextLong()).toString();
                micros += 200_000 + rnd.nextInt(2_000_000);
                out.add("{\"event_type\":\"task_started\",\"task_id\":\"" + id + "\",\"task_name\":\"" + task + "\"," + common
                        + ",\"timestamp\":" + ts(micros) + ",\"input\":{\"config\":{\"agent_id\":\"sentiment-v2\",\"api_key\":\"sk-x\"},"
                        + "\"customer_message\":\"Your new update broke our entire dashboard!\",\"priority\":\"urgent\"}}");
                micros += 500_000 + rnd.nextInt(5_000_000);
                out.add("{\"event_type\":\"task_completed\",\"task_id\":\"" + id + "\",\"task_name\":\"" + task + "\"," + common
                        + ",\"timestamp\":" + ts(micros) + ",\"execution_time\":5.33,\"output\":{\"sentiment\":\"highly_negative\","
                        + "\"confidence\":0.94,\"urgency_score\":9.2,\"key_issues\":[\"dashboard_broken\",\"report_access\"]}}");
            }
            micros += 100_000;
            out.add("{\"event_type\":\"flow_completed\"," + common + ",\"timestamp\":" + ts(micros)
                    + ",\"total_execution_time\":13.41,\"output\":{\"summary\":{\"case_created\":true}}}");
        }
        return out.subList(0, count);
    }

    private static String ts(long micros) {
        return (micros / 1_000_000) + "." + String.format("%06d", micros % 1_000_000);
    }
}
