package dev.runlens.sim;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.runlens.json.Json;
import dev.runlens.value.Value;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.IntStream;

/** Builds the event scripts of the Space Operator scenarios, with the fields real servers send. */
final class SoScripts {
    private final Random random;
    private final List<SoStep> steps = new ArrayList<>();

    private SoScripts(long seed) {
        this.random = new Random(seed);
    }

    static List<SoStep> script(SoScenario scenario, long seed, SimulatorOptions options, String apiBase, String bigText) {
        SoScripts s = new SoScripts(seed);
        switch (scenario) {
            case BALANCE -> s.balance();
            case FOREACH -> s.foreach(options.foreachIterations());
            case FAILING -> s.failing();
            case SIGNATURE_AND_API_INPUT -> s.signatureAndApiInput(apiBase);
            case BIG_OUTPUT -> s.bigOutput(bigText);
            default -> throw new IllegalArgumentException(scenario.name());
        }
        return List.copyOf(s.steps);
    }

    private void balance() {
        String input = nodeId();
        String balance = nodeId();
        String output = nodeId();
        Value pubkey = V.b3(bytes(32));
        flowLog("Info", "starting flow \"Wallet balance\"");
        add("FlowStart");
        nodeStart(input, 0, V.map());
        nodeOutput(input, 0, V.map("pubkey", pubkey));
        nodeFinish(input, 0);
        nodeStart(balance, 0, V.map("pubkey", pubkey));
        nodeLog(balance, 0, "Info", "fetching balance from https://api.mainnet-beta.solana.com");
        nodeOutput(balance, 0, V.map("balance", V.u(0)));
        nodeOutput(balance, 0, V.map("balance", V.u(1_500_000_000L + random.nextInt(1000))));
        nodeFinish(balance, 0);
        nodeStart(output, 0, V.map("balance", V.u(1_500_000_000L)));
        nodeOutput(output, 0, V.map());
        nodeFinish(output, 0);
        flowFinish(List.of(), V.map("balance", V.u(1_500_000_000L)));
    }

    private void foreach(int n) {
        String list = nodeId();
        String loop = nodeId();
        String body = nodeId();
        String collect = nodeId();
        List<Value> items = IntStream.range(0, n).mapToObj(i -> V.b3(bytes(32))).toList();
        add("FlowStart");
        nodeStart(list, 0, V.map());
        nodeOutput(list, 0, V.map("wallets", V.array(items)));
        nodeFinish(list, 0);
        nodeStart(loop, 0, V.map("array", V.array(items)));
        nodeOutput(loop, 0, V.map("element", items.get(0)));
        nodeFinish(loop, 0);
        // Three iterations of the body run at once; they finish in another order than they started.
        List<Value> results = new ArrayList<>();
        for (int start = 0; start < n; start += 3) {
            int end = Math.min(n, start + 3);
            for (int t = start; t < end; t++) {
                nodeStart(body, t, V.map("wallet", items.get(t), "amount", V.f(0.25 * (t + 1))));
            }
            for (int t = start; t < end; t++) {
                nodeLog(body, t, "Debug", "building transfer " + t);
                nodeOutput(body, t, V.map("progress", V.f(0.5)));
            }
            for (int t = end - 1; t >= start; t--) {
                Value sig = V.s(base58ish(88));
                results.add(sig);
                nodeOutput(body, t, V.map("signature", sig));
                nodeFinish(body, t);
            }
        }
        nodeStart(collect, 0, V.map("signatures", V.array(results)));
        nodeOutput(collect, 0, V.map("count", V.u(n)));
        nodeFinish(collect, 0);
        flowFinish(List.of(), V.map("signatures", V.array(results), "count", V.u(n)));
    }

    private void failing() {
        String input = nodeId();
        String transfer = nodeId();
        String notify = nodeId();
        add("FlowStart");
        nodeStart(input, 0, V.map());
        nodeOutput(input, 0, V.map("amount", V.f(5.0)));
        nodeFinish(input, 0);
        nodeStart(transfer, 0, V.map("amount", V.f(5.0), "recipient", V.b3(bytes(32))));
        nodeLog(transfer, 0, "Warn", "fee payer balance is low");
        nodeError(transfer, 0, "insufficient funds: need 5 SOL, have 0.2 SOL");
        nodeError(transfer, 0, "node did not produce required output: [\"signature\"]");
        nodeFinish(transfer, 0);
        ObjectNode err = Json.object();
        err.put("error", "1 nodes failed");
        add("FlowError", err);
        flowFinish(List.of(notify), V.map());
    }

    private void signatureAndApiInput(String apiBase) {
        String wallet = nodeId();
        String approve = nodeId();
        add("FlowStart");
        nodeStart(wallet, 0, V.map("amount", V.f(1.25)));
        ObjectNode sig = Json.object();
        sig.put("id", 1 + random.nextInt(1000));
        sig.put("token", "sigreq-" + UUID.nameUUIDFromBytes(bytes(16)));
        sig.put("pubkey", base58ish(44));
        sig.put("message", Base64.getEncoder().encodeToString(bytes(96)));
        sig.put("timeout", 60.0);
        sig.put("kind", "transaction_message");
        add("SignatureRequest", sig);
        nodeOutput(wallet, 0, V.map("signature", V.s(base58ish(88))));
        nodeFinish(wallet, 0);
        nodeStart(approve, 0, V.map());
        ObjectNode api = Json.object();
        api.put("url", apiBase + "/flow/api_input/" + UUID.nameUUIDFromBytes(bytes(16)));
        add("ApiInput", api);
        nodeOutput(approve, 0, V.map("value", V.b(true)));
        nodeFinish(approve, 0);
        flowFinish(List.of(), V.map("approved", V.b(true)));
    }

    private void bigOutput(String bigText) {
        String generator = nodeId();
        add("FlowStart");
        nodeStart(generator, 0, V.map("size", V.u(bigText.length())));
        nodeOutput(generator, 0, V.map("blob", V.s(bigText)));
        nodeFinish(generator, 0);
        flowFinish(List.of(), V.map("size", V.u(bigText.length())));
    }

    private void flowLog(String level, String content) {
        ObjectNode f = Json.object();
        f.put("level", level);
        f.putNull("module");
        f.put("content", content);
        add("FlowLog", f);
    }

    private void flowFinish(List<String> notRun, Value output) {
        ObjectNode f = Json.object();
        ArrayNode nr = f.putArray("not_run");
        notRun.forEach(nr::add);
        f.set("output", V.json(output));
        add("FlowFinish", f);
    }

    private ObjectNode node(String id, int times) {
        ObjectNode f = Json.object();
        f.put("node_id", id);
        f.put("times", times);
        return f;
    }

    private void nodeStart(String id, int times, Value input) {
        ObjectNode f = node(id, times);
        f.set("input", V.json(input));
        add("NodeStart", f);
    }

    private void nodeOutput(String id, int times, Value output) {
        ObjectNode f = node(id, times);
        f.set("output", V.json(output));
        add("NodeOutput", f);
    }

    private void nodeError(String id, int times, String error) {
        ObjectNode f = node(id, times);
        f.put("error", error);
        add("NodeError", f);
    }

    private void nodeLog(String id, int times, String level, String content) {
        ObjectNode f = node(id, times);
        f.put("level", level);
        f.put("module", "flow_lib::command");
        f.put("content", content);
        add("NodeLog", f);
    }

    private void nodeFinish(String id, int times) {
        add("NodeFinish", node(id, times));
    }

    private void add(String kind) {
        add(kind, Json.object());
    }

    private void add(String kind, ObjectNode fields) {
        steps.add(new SoStep(kind, fields));
    }

    private String nodeId() {
        return UUID.nameUUIDFromBytes(bytes(16)).toString();
    }

    private byte[] bytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    private String base58ish(int length) {
        String alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}
