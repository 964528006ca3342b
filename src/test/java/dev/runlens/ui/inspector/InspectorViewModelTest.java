package dev.runlens.ui.inspector;

import dev.runlens.value.Masking;
import com.fasterxml.jackson.databind.JsonNode;
import dev.runlens.json.Json;
import dev.runlens.model.Execution;
import dev.runlens.model.Run;
import dev.runlens.protocol.Payload;
import dev.runlens.ui.TestData;
import dev.runlens.ui.bridge.FrameBridge;
import dev.runlens.ui.bridge.SpillFile;
import dev.runlens.ui.dashboard.DashboardModel;
import dev.runlens.ui.dashboard.Selection;
import dev.runlens.ui.inspector.InspectorItems.PayloadDoc;
import dev.runlens.ui.timeline.NodeNames;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The inspector's view model and payload tree, without a toolkit (same-thread executors). */
class InspectorViewModelTest {
    @TempDir
    Path dir;

    private InspectorViewModel vm(DashboardModel model, Selection selection) {
        return new InspectorViewModel(model, selection, new NodeNames(), Runnable::run, Runnable::run);
    }

    @Test
    void failingExecutionShowsBothNodeErrorsAndPrefersTheErrorsTab() {
        DashboardModel model = TestData.load(TestData.fixture("space-operator-v2-failed-run"));
        Selection selection = new Selection();
        InspectorViewModel vm = vm(model, selection);
        Run run = model.runs().get(0);
        selection.select(run.ref(), run.firstFailedExecution());
        assertEquals(2, vm.errors().size());
        assertTrue(vm.errors().get(0).message().startsWith("insufficient funds: need 3.25 SOL"));
        assertTrue(vm.errors().get(1).message().contains("did not produce required output signature"));
        assertEquals(InspectorItems.Tab.ERRORS, vm.preferredTabProperty().get());
        assertEquals("-3.25", ValueNode.ofValue("input", vm.inputProperty().get().payload().value(), false)
                .children().get(0).text());
    }

    @Test
    void u128IsShownExactlyWithItsType() {
        Path file = TestData.write(dir, "u1.jsonl", TestData.v2Run("run-u1", 2, true));
        DashboardModel model = TestData.load(file);
        Selection selection = new Selection();
        InspectorViewModel vm = vm(model, selection);
        Run run = model.runs().get(0);
        selection.select(run.ref(), run.execution("11111111-1111-4111-8111-111111111111", 0));
        ValueNode root = ValueNode.ofValue("input", vm.inputProperty().get().payload().value(), false);
        ValueNode amount = root.children().get(0);
        assertEquals("amount", amount.key());
        assertEquals("u128", amount.type());
        assertEquals(TestData.U128_MAX, amount.text());
        assertEquals(TestData.U128_MAX, amount.copyValue());
        assertEquals("decimal", root.children().get(1).type());
        assertEquals("0.000005000", root.children().get(1).text());
        assertEquals("pubkey", root.children().get(2).type());
        assertEquals("5sNRWMrT2P3KULzW3faaktCB3k2eqHow2GBJtcsCPcg7", root.children().get(2).text());
        // The plain JSON keeps every digit too.
        assertTrue(Json.pretty(root.plainJson()).contains(TestData.U128_MAX));
    }

    @Test
    void lyzrApiKeyIsMaskedInViewCopiesAndRawUntilRevealed() {
        DashboardModel model = TestData.load(TestData.fixture("lyzr-docs-sample"));
        Selection selection = new Selection();
        InspectorViewModel vm = vm(model, selection);
        Run run = model.runs().get(0);
        Execution sentiment = run.execution("sentiment_analyzer", 0);
        selection.select(run.ref(), sentiment);
        Payload input = vm.inputProperty().get().payload();
        ValueNode root = ValueNode.ofJson("input", input.json(), false);
        ValueNode apiKey = root.children().get(0).children().get(1);
        assertEquals("api_key", apiKey.key());
        assertEquals("$.config.api_key", apiKey.path());
        assertTrue(apiKey.masked());
        assertEquals(Masking.MASK, apiKey.text());
        assertEquals(Masking.MASK, apiKey.copyValue());
        assertFalse(Json.pretty(root.plainJson()).contains("sk-prod-sentiment-key"));
        assertFalse(root.children().get(0).copyValue().contains("sk-prod-sentiment-key"));
        assertTrue(root.search("sk-prod", 10).isEmpty(), "a masked value is not found by search");
        assertFalse(vm.rawText(vm.raw().get(0)).contains("sk-prod-sentiment-key"));

        vm.revealSecretsProperty().set(true);
        ValueNode revealed = ValueNode.ofJson("input", input.json(), true).children().get(0).children().get(1);
        assertEquals("sk-prod-sentiment-key", revealed.text());
        assertTrue(vm.rawText(vm.raw().get(0)).contains("sk-prod-sentiment-key"));
    }

    @Test
    void outputsAreListedLatestFirst() {
        List<String> lines = TestData.v2Run("run-out", 0, false);
        lines.add(TestData.v2("run-out", "NodeOutput", "\"time\":\"2025-11-22T08:30:00.025Z\","
                + "\"node_id\":\"11111111-1111-4111-8111-111111111111\",\"times\":0,\"output\":{\"M\":{\"ok\":{\"B\":false}}}"));
        DashboardModel model = TestData.load(TestData.write(dir, "out.jsonl", lines));
        Selection selection = new Selection();
        InspectorViewModel vm = vm(model, selection);
        Run run = model.runs().get(0);
        selection.select(run.ref(), run.execution("11111111-1111-4111-8111-111111111111", 0));
        assertEquals(2, vm.outputs().size());
        assertEquals("output 2 (latest)", vm.outputs().get(0).label());
        assertEquals("false", ValueNode.ofValue("o", vm.outputs().get(0).payload().value(), false).children().get(0).text());
        assertEquals("true", ValueNode.ofValue("o", vm.outputs().get(1).payload().value(), false).children().get(0).text());
    }

    @Test
    void payloadOverOneMegabyteIsShownAsItsSizeUntilAskedFor() throws Exception {
        List<String> lines = TestData.v2Run("run-big", 0, false);
        String big = "z".repeat(1_200_000);
        lines.add(TestData.v2("run-big", "NodeOutput", "\"time\":\"2025-11-22T08:30:00.026Z\","
                + "\"node_id\":\"11111111-1111-4111-8111-111111111111\",\"times\":0,\"output\":{\"M\":{\"blob\":{\"S\":\"" + big + "\"}}}"));
        FrameBridge bridge = new FrameBridge(new SpillFile());
        DashboardModel model = new DashboardModel();
        TestData.feed(bridge, model, TestData.write(dir, "big.jsonl", lines));
        Selection selection = new Selection();
        InspectorViewModel vm = vm(model, selection);
        Run run = model.runs().get(0);
        selection.select(run.ref(), run.execution("11111111-1111-4111-8111-111111111111", 0));
        PayloadDoc latest = vm.outputs().get(0);
        assertTrue(latest.tooBig());
        assertNull(latest.payload());
        assertTrue(latest.size() > 1_200_000);
        assertNull(vm.raw().get(vm.raw().size() - 1).text());

        vm.showAnyway(latest);
        PayloadDoc loaded = vm.outputs().get(0);
        assertFalse(loaded.tooBig());
        assertEquals(big, ValueNode.ofValue("o", loaded.payload().value(), false).children().get(0).text());

        Path saved = dir.resolve("saved.json");
        vm.saveToFile(latest, saved);
        JsonNode json = Json.parse(Files.readString(saved));
        assertEquals(big, json.path("M").path("blob").path("S").asText());
    }

    @Test
    void searchFindsKeysAndValuesAndPathsAreCopyable() {
        JsonNode json = Json.mapper().valueToTree(java.util.Map.of("outer", java.util.Map.of("needle key", "hay", "x", "needle value")));
        ValueNode root = ValueNode.ofJson("p", json, false);
        List<List<ValueNode>> hits = root.search("NEEDLE", 10);
        assertEquals(2, hits.size());
        List<String> paths = hits.stream().map(h -> h.get(h.size() - 1).path()).sorted().toList();
        assertEquals(List.of("$.outer.x", "$.outer[\"needle key\"]"), paths);
        assertNotNull(root.children().get(0));
    }
}
