package dev.runlens.ui.timeline;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Node labels without a flow export: the shortest id fragment that tells the node apart. */
class NodeNamesTest {

    private static String id(int n) {
        return String.format("00000000-0000-0000-0000-%012d", n);
    }

    @Test
    void fiftyIdsSharingTheirFirstBlocksGetFiftyDistinctShortLabels() {
        NodeNames names = new NodeNames();
        List<String> ids = new ArrayList<>();
        for (int n = 1; n <= 50; n++) {
            ids.add(id(n));
        }
        names.learn(ids);
        Set<String> labels = new HashSet<>();
        for (String id : ids) {
            String label = names.name(id);
            labels.add(label);
            assertTrue(label.length() <= 9, label);
            assertTrue(names.shortened(id));
        }
        assertEquals(50, labels.size(), labels.toString());
        assertEquals("…00000031", names.name(id(31)));
    }

    @Test
    void anIdWhoseFirstBlockIsUniqueKeepsTodaysEightCharacterLabel() {
        NodeNames names = new NodeNames();
        String a = "6513270e-1111-4111-8111-111111111111";
        String b = "9f00aa12-2222-4222-8222-222222222222";
        names.learn(List.of(a, b));
        assertEquals("6513270e", names.name(a));
        assertEquals("9f00aa12", names.name(b));
    }

    @Test
    void idsThatDifferEarlyAfterASharedFirstBlockUseTheShortestUniquePrefix() {
        NodeNames names = new NodeNames();
        String a = "abcdef01-aaaa-4000-8000-000000000000";
        String b = "abcdef01-bbbb-4000-8000-000000000000";
        names.learn(List.of(a, b));
        // The suffixes are equal: only a prefix tells them apart, ten characters of it.
        assertEquals("abcdef01-a", names.name(a));
        assertEquals("abcdef01-b", names.name(b));
    }

    @Test
    void labelsGrowWhenALaterNodeSharesTheirFirstBlock() {
        NodeNames names = new NodeNames();
        names.learn(List.of(id(1)));
        assertEquals("00000000", names.name(id(1)));
        names.learn(List.of(id(2)));
        assertFalse(names.name(id(1)).equals(names.name(id(2))));
    }

    @Test
    void namesFromAFlowExportAndLyzrTaskNamesAreNotShortened() {
        NodeNames names = new NodeNames();
        assertEquals("summarize", names.name("summarize"));
        assertFalse(names.shortened("summarize"));
    }

    @Test
    void theHoverCardGivesTheFullIdWhenTheLabelIsAFragment() {
        NodeNames names = new NodeNames();
        names.learn(List.of(id(1), id(2)));
        dev.runlens.ui.dashboard.DashboardModel model = dev.runlens.ui.TestData.load(dev.runlens.ui.TestData.fixture("space-operator-v2-failed-run"));
        dev.runlens.model.Run run = model.runs().get(0);
        dev.runlens.model.Execution e = run.executions().get(0);
        names.learn(run.nodes());
        String text = HoverText.of(e, run, names, TimeZoneMode.UTC, java.time.Instant::now, false);
        assertTrue(text.contains("node id " + e.node()), text);
    }
}
