package dev.runlens.history;

import dev.runlens.Fixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HistoryQueryTest {
    private static final String V2_RUN = "6513270e-269e-4d37-b2a7-4de452e6b438";
    private static final String FAILING_NODE = "9531985d-5d9d-49f8-9818-e811892f902b";

    @TempDir
    static Path dir;
    private static HistoryIndex index;
    private static HistorySearch search;

    @BeforeAll
    static void indexTheFixtures() throws Exception {
        index = HistoryIndex.open(dir.resolve("index"));
        HistoryIndexer indexer = new HistoryIndexer(index);
        for (String name : Fixtures.NAMES) {
            indexer.index(Fixtures.log(name));
        }
        indexer.commit();
        search = new HistorySearch(index);
    }

    @AfterAll
    static void close() throws Exception {
        index.close();
    }

    private static List<SearchHit> find(String q) throws Exception {
        return search.search(q, 100, HistorySearch.Order.NEWEST);
    }

    /** "node" for executions, "run" for the run's own text. */
    private static Set<String> nodes(String q) throws Exception {
        return find(q).stream().map(h -> h.node() == null ? "run:" + h.run() : h.node()).collect(Collectors.toSet());
    }

    @Test
    void freeTextFindsTheExecutionAndHighlightsTheWords() throws Exception {
        List<SearchHit> hits = find("insufficient funds");
        assertEquals(1, hits.size());
        SearchHit h = hits.get(0);
        assertEquals(FAILING_NODE, h.node());
        assertEquals(V2_RUN, h.run());
        assertEquals("failed", h.status());
        assertTrue(h.marked("[", "]").contains("[insufficient] [funds]"), h.marked("[", "]"));
        assertTrue(h.recording().toString().endsWith("space-operator-v2-failed-run.jsonl"));
    }

    @Test
    void aQuotedPhraseMatchesWordsInOrderOnly() throws Exception {
        assertEquals(1, find("\"insufficient funds\"").size());
        assertTrue(find("\"funds insufficient\"").isEmpty());
    }

    @Test
    void aValueInAnOutputIsFound() throws Exception {
        // The task's output, and the run's output that repeats it.
        assertEquals(Set.of("sentiment_analyzer", "run:Customer_Support_Pipeline/ticket_78453"), nodes("highly_negative status:succeeded"));
        assertEquals(Set.of("sentiment_analyzer"), nodes("highly_negative node:sentiment_analyzer"));
    }

    @Test
    void fieldsNarrowTheHits() throws Exception {
        assertEquals(Set.of("sentiment_analyzer"), nodes("node:sentiment_analyzer"));
        assertEquals(Set.of("run:Customer_Support_Pipeline/ticket_78453", "sentiment_analyzer", "update_salesforce",
                "send_notifications"), nodes("flow:Customer_Support_Pipeline"));
        assertEquals(Set.of(FAILING_NODE, "run:" + V2_RUN), nodes("status:failed protocol:space-operator"));
        assertTrue(find("protocol:lyzr").stream().allMatch(h -> h.protocol().equals("lyzr")));
        assertTrue(find("protocol:space-operator").stream().anyMatch(h -> h.protocol().equals("space-operator-v1")),
                "protocol:space-operator covers v1 too");
        assertTrue(find("run:" + V2_RUN).stream().allMatch(h -> h.run().equals(V2_RUN)));
        assertEquals(3, find("run:" + V2_RUN).size(), "two executions, the run, and nothing else");
    }

    @Test
    void timesAndDurationsCompare() throws Exception {
        assertTrue(find("after:2025-11-01").stream().allMatch(h -> h.run().equals(V2_RUN)));
        assertTrue(find("before:2024-01-01").stream().allMatch(h -> h.protocol().equals("space-operator-v1")));
        assertTrue(find("after:2025-11-22T08:30:00.500Z before:2025-11-22T08:30:00.600Z").stream()
                .allMatch(h -> FAILING_NODE.equals(h.node())));
        List<SearchHit> slow = find("duration>5s");
        assertTrue(slow.stream().anyMatch(h -> "sentiment_analyzer".equals(h.node())));
        assertTrue(slow.stream().allMatch(h -> h.durationMillis() > 5000), slow.toString());
        assertTrue(find("duration<=200ms").stream().allMatch(h -> h.durationMillis() <= 200));
        assertTrue(find("duration>=5330ms node:sentiment_analyzer").size() == 1);
        assertTrue(find("duration>5331ms node:sentiment_analyzer").isEmpty());
        assertTrue(find("duration>1h").isEmpty());
    }

    @Test
    void hitsComeNewestFirst() throws Exception {
        List<Instant> times = find("protocol:lyzr").stream().map(SearchHit::started).toList();
        for (int i = 1; i < times.size(); i++) {
            assertTrue(!times.get(i).isAfter(times.get(i - 1)), times.toString());
        }
        assertTrue(search.search("funds OR insufficient", 10, HistorySearch.Order.SCORE).size() <= 10);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "colour:red                | unknown field 'colour'                      | 1",
        "error after:yesterday     | 'yesterday' is not a date                   | 13",
        "duration>5 node:x         | '5' is not a duration                       | 10",
        "duration>5x               | '5x' is not a duration                      | 10",
        "duration:5s               | duration takes a comparison                 | 9",
        "failed \"not closed       | the quote opened here is never closed       | 8",
        "status:done               | status must be running                      | 8",
        "protocol:grpc             | protocol must be lyzr                       | 10",
        "node:                     | node: needs a value                         | 6",
        "'   '                     | the query has nothing to search for         | 1",
    })
    void aBadQueryIsRefusedWithTheColumn(String query, String sentence, int column) {
        String q = query.equals("'   '") ? "   " : query;
        BadQueryException e = assertThrows(BadQueryException.class, () -> find(q));
        assertTrue(e.getMessage().startsWith(sentence), e.getMessage());
        assertEquals(column, e.column(), e.getMessage());
        assertTrue(e.getMessage().endsWith("(column " + column + ")"));
    }

    @Test
    void aUrlOrAClockTimeIsText() throws Exception {
        find("https://example.invalid");
        find("10:32");
        assertEquals(Set.of("d23f0824-128b-4f33-8c5c-7fd0a6a3a450"), nodes("https://example.invalid"));
    }
}
