package dev.runlens.history;

import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

import java.io.IOException;
import java.nio.file.Path;
import java.text.BreakIterator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Runs a {@link HistoryQuery} against the index: executions, newest first or best first, with snippets. */
public final class HistorySearch {
    /** How the hits are ordered. */
    public enum Order { NEWEST, SCORE }

    private static final int SNIPPET_GOAL = 160;
    private static final int SNIPPET_MAX = 320;

    private final HistoryIndex index;

    public HistorySearch(HistoryIndex index) {
        this.index = index;
    }

    /** Parses {@code query} (throws with the column of what cannot be read) and returns at most {@code limit} hits. */
    public List<SearchHit> search(String query, int limit, Order order) throws BadQueryException, IOException {
        HistoryQuery q = HistoryQuery.parse(query, index.analyzer());
        IndexSearcher searcher = index.acquire();
        if (searcher == null) {
            return List.of();
        }
        try {
            Sort sort = order == Order.SCORE && q.hasText() ? Sort.RELEVANCE
                    : new Sort(new SortField(IndexFields.STARTED, SortField.Type.LONG, true), SortField.FIELD_SCORE);
            TopDocs top = searcher.search(q.query(), Math.max(1, limit), sort, true);
            return hits(searcher, q, top);
        } finally {
            index.release(searcher);
        }
    }

    private List<SearchHit> hits(IndexSearcher searcher, HistoryQuery q, TopDocs top) throws IOException {
        int n = top.scoreDocs.length;
        Object[] snippets = new Object[n];
        if (q.hasText() && n > 0) {
            SnippetHighlighter highlighter = new SnippetHighlighter(UnifiedHighlighter.builder(searcher, index.analyzer())
                    .withFormatter(new SnippetFormatter())
                    .withBreakIterator(() -> LengthGoalBreakIterator.createClosestToLength(
                            BreakIterator.getSentenceInstance(Locale.ROOT), SNIPPET_GOAL, 0.5f))
                    .withMaxLength(SearchText.CAP));
            int[] docs = new int[n];
            for (int i = 0; i < n; i++) {
                docs[i] = top.scoreDocs[i].doc;
            }
            Map<String, Object[]> byField = highlighter.snippets(
                    new String[] {IndexFields.TEXT}, q.query(), docs, new int[] {1});
            snippets = byField.get(IndexFields.TEXT);
        }
        StoredFields stored = searcher.storedFields();
        List<SearchHit> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            ScoreDoc sd = top.scoreDocs[i];
            out.add(hit(stored.document(sd.doc), snippets[i], sd.score));
        }
        return out;
    }

    private static SearchHit hit(Document d, Object snippet, float score) {
        SnippetFormatter.Snippet s = snippet instanceof SnippetFormatter.Snippet f && !f.text().isBlank()
                ? f : new SnippetFormatter.Snippet(start(d.get(IndexFields.TEXT)), List.of());
        if (s.text().length() > SNIPPET_MAX) {
            String cut = s.text().substring(0, SNIPPET_MAX) + "…";
            s = new SnippetFormatter.Snippet(cut, s.highlights().stream().filter(h -> h[1] <= SNIPPET_MAX).toList());
        }
        boolean exec = IndexFields.EXEC.equals(d.get(IndexFields.KIND));
        long started = number(d, IndexFields.STARTED, -1);
        long duration = number(d, IndexFields.DURATION, Long.MIN_VALUE);
        return new SearchHit(Path.of(d.get(IndexFields.RECORDING)), d.get(IndexFields.PROTOCOL), d.get(IndexFields.RUN),
                d.get(IndexFields.FLOW), exec ? d.get(IndexFields.NODE) : null,
                exec ? (int) number(d, IndexFields.TIMES, 0) : null, d.get(IndexFields.STATUS),
                started < 0 ? null : Instant.ofEpochMilli(started), duration == Long.MIN_VALUE ? null : duration,
                number(d, IndexFields.ENTRY, 0), s.text(), s.highlights(), Float.isNaN(score) ? 0 : score);
    }

    /** The first line or so of a text, for hits matched by fields only. */
    private static String start(String text) {
        String t = text == null ? "" : text.replace('\n', ' ').replace('\r', ' ').replace('\t', ' ').strip();
        return t.length() <= SNIPPET_GOAL ? t : t.substring(0, SNIPPET_GOAL) + "…";
    }

    private static long number(Document d, String field, long otherwise) {
        IndexableField f = d.getField(field);
        return f == null || f.numericValue() == null ? otherwise : f.numericValue().longValue();
    }

    /** The highlighter's formatted objects (our {@link SnippetFormatter.Snippet}s), not their strings. */
    private static final class SnippetHighlighter extends UnifiedHighlighter {
        SnippetHighlighter(UnifiedHighlighter.Builder builder) {
            super(builder);
        }

        Map<String, Object[]> snippets(String[] fields, org.apache.lucene.search.Query query, int[] docs, int[] passages)
                throws IOException {
            return highlightFieldsAsObjects(fields, query, docs, passages);
        }
    }
}
