package dev.runlens.history;

import dev.runlens.model.RunStatus;
import dev.runlens.protocol.RunRef;
import dev.runlens.protocol.Source;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@link RunHistory} answered from the history index: baselines are the newest succeeded runs of
 * the same flow (Lyzr: same {@code flow_name}; Space Operator v1 and v2: same set of node ids),
 * usual durations the median and 95th percentile of each node's succeeded executions in them.
 */
public final class IndexedRunHistory implements RunHistory {
    private final HistoryIndex index;

    public IndexedRunHistory(HistoryIndex index) {
        this.index = index;
    }

    @Override
    public List<PastRun> succeededRuns(FlowKey flow, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        Query q = new BooleanQuery.Builder()
                .add(term(IndexFields.KIND, IndexFields.RUN_KIND), Occur.FILTER)
                .add(term(IndexFields.FAMILY, family(flow.source())), Occur.FILTER)
                .add(term(IndexFields.FLOW, flow.key()), Occur.FILTER)
                .add(term(IndexFields.STATUS, RunStatus.SUCCEEDED.id()), Occur.FILTER)
                .build();
        try {
            return withSearcher(s -> {
                TopDocs top = s.search(q, limit, new Sort(new SortField(IndexFields.STARTED, SortField.Type.LONG, true)));
                StoredFields stored = s.storedFields();
                List<PastRun> out = new ArrayList<>();
                for (ScoreDoc sd : top.scoreDocs) {
                    Document d = stored.document(sd.doc);
                    Source source = Source.ofId(d.get(IndexFields.PROTOCOL));
                    out.add(new PastRun(Path.of(d.get(IndexFields.RECORDING)), new RunRef(source, d.get(IndexFields.RUN)),
                            new FlowKey(flow.source() == Source.LYZR ? Source.LYZR : Source.SPACE_OPERATOR, flow.key()),
                            RunStatus.SUCCEEDED, instant(d, IndexFields.STARTED), instant(d, IndexFields.ENDED)));
                }
                return out;
            });
        } catch (IOException e) {
            throw new UncheckedIOException("the history index could not be read", e);
        }
    }

    @Override
    public FlowCandidates succeededRunsContaining(Set<String> nodes, RunRef except, int limit) {
        if (nodes.isEmpty() || limit <= 0) {
            return FlowCandidates.NONE;
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder()
                .add(term(IndexFields.KIND, IndexFields.RUN_KIND), Occur.FILTER)
                .add(term(IndexFields.FAMILY, Source.SPACE_OPERATOR.id()), Occur.FILTER)
                .add(term(IndexFields.STATUS, RunStatus.SUCCEEDED.id()), Occur.FILTER);
        nodes.forEach(node -> b.add(term(IndexFields.FLOW_NODE, node), Occur.FILTER));
        if (except != null) {
            b.add(term(IndexFields.RUN, except.runId()), Occur.MUST_NOT);
        }
        Query containing = b.build();
        String flow;
        try {
            flow = withSearcher(s -> {
                TopDocs top = s.search(containing, 1, new Sort(new SortField(IndexFields.STARTED, SortField.Type.LONG, true)));
                return top.scoreDocs.length == 0 ? null : s.storedFields().document(top.scoreDocs[0].doc).get(IndexFields.FLOW);
            });
            if (flow == null) {
                return FlowCandidates.NONE;
            }
            // Unambiguous only: a second flow that also contains the nodes leaves the choice open.
            Query other = new BooleanQuery.Builder().add(containing, Occur.FILTER)
                    .add(term(IndexFields.FLOW, flow), Occur.MUST_NOT).build();
            if (withSearcher(s -> s.count(other)) > 0) {
                return FlowCandidates.AMBIGUOUS;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the history index could not be read", e);
        }
        List<PastRun> runs = succeededRuns(new FlowKey(Source.SPACE_OPERATOR, flow), limit + 1).stream()
                .filter(p -> except == null || !p.run().equals(except)).limit(limit).toList();
        return new FlowCandidates(1, runs);
    }

    @Override
    public Map<String, UsualDuration> usualDurations(FlowKey flow, int runs) {
        Map<String, List<Long>> byNode = new LinkedHashMap<>();
        try {
            for (PastRun run : succeededRuns(flow, runs)) {
                Query q = new BooleanQuery.Builder()
                        .add(term(IndexFields.KIND, IndexFields.EXEC), Occur.FILTER)
                        .add(term(IndexFields.RECORDING, run.recording().toString()), Occur.FILTER)
                        .add(term(IndexFields.RUN, run.run().runId()), Occur.FILTER)
                        .add(term(IndexFields.STATUS, "succeeded"), Occur.FILTER)
                        .build();
                withSearcher(s -> {
                    StoredFields stored = s.storedFields();
                    for (ScoreDoc sd : s.search(q, Integer.MAX_VALUE).scoreDocs) {
                        Document d = stored.document(sd.doc);
                        if (d.getField(IndexFields.DURATION) != null) {
                            long ms = d.getField(IndexFields.DURATION).numericValue().longValue();
                            byNode.computeIfAbsent(d.get(IndexFields.NODE), k -> new ArrayList<>()).add(ms);
                        }
                    }
                    return null;
                });
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the history index could not be read", e);
        }
        Map<String, UsualDuration> out = new LinkedHashMap<>();
        byNode.forEach((node, values) -> out.put(node, usual(node, values)));
        return out;
    }

    /** Median (mean of the middle two for an even count) and nearest-rank 95th percentile. */
    static UsualDuration usual(String node, List<Long> values) {
        List<Long> v = new ArrayList<>(values);
        Collections.sort(v);
        int n = v.size();
        long median = n % 2 == 1 ? v.get(n / 2) : (v.get(n / 2 - 1) + v.get(n / 2)) / 2;
        long p95 = v.get(Math.max(0, (int) Math.ceil(0.95 * n) - 1));
        return new UsualDuration(node, n, median, p95);
    }

    private static String family(Source source) {
        return source == Source.LYZR ? Source.LYZR.id() : Source.SPACE_OPERATOR.id();
    }

    private static Query term(String field, String value) {
        return new TermQuery(new Term(field, value));
    }

    private static Instant instant(Document d, String field) {
        long ms = d.getField(field).numericValue().longValue();
        return ms < 0 ? null : Instant.ofEpochMilli(ms);
    }

    private interface SearcherWork<T> {
        T run(IndexSearcher searcher) throws IOException;
    }

    private <T> T withSearcher(SearcherWork<T> work) throws IOException {
        IndexSearcher s = index.acquire();
        if (s == null) {
            return work.run(new IndexSearcher(new org.apache.lucene.index.MultiReader()));
        }
        try {
            return work.run(s);
        } finally {
            index.release(s);
        }
    }
}
